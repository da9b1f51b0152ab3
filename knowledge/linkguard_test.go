package knowledge

import "testing"

// TestOtherParty checks that a prose name spelled out with an
// abbreviation links to a list only when it is that list's name.
func TestOtherParty(t *testing.T) {
	dss := &Contestant{Name: "Democratic Party of Serbia – Jovan Slavković", InfoboxName: "Democratic Party of Serbia", Abbrevs: []string{"DSS"}}
	smc := &Contestant{Name: "Modern Centre Party", InfoboxName: "SMC", Leader: "Matej Hribar"}
	tests := []struct {
		c           *Contestant
		short, long string
		want        bool
	}{
		{dss, "DF", "Democratic Front", true},
		{dss, "DS", "Democratic Party", true},
		{dss, "DSS", "Democratic Party of Serbia", false},
		{smc, "SMC", "Hribar's Modern Centre Party", false},
	}
	for _, tt := range tests {
		t.Run(tt.long, func(t *testing.T) {
			if got := otherParty(tt.c, tt.short, tt.long); got != tt.want {
				t.Errorf("otherParty(%s, %q, %q) = %v; want %v", tt.c.Name, tt.short, tt.long, got, tt.want)
			}
		})
	}
}
