package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
)

// soakMessages mix what users ask with what they should not send.
var soakMessages = []string{
	"/seats", "/results", "/list", "/list 8", "/list 16", "/list 24", "/list 1e9", "/list -0", "/list ８",
	"/poll", "/poll DS", "/poll Factor Plus", "/poll Gallup", "/party Đilas", "/party DSS", "/party Whigs",
	"/party <b>x</b>", "/party @everyone", "/about", "/search seats", "/search", "/elections", "/help",
	"/seats 2014", "/seats 1999", "/seatss", "/frobnicate", "",
	"How many seats did the socialists win?", "Who carried list 8?", "What was the turnout?",
	"Koliko mandata je osvojio SNS?", "Ко је носилац листе 8?", "Did the Liberal Democrats pass the threshold?",
	"What did the polls say about DS?", "Who was mayor before the election?", "What is the capital of France?",
	"@ElectionBot how many seats did DS win?", "\u202e\x00" + strings.Repeat("ш", 3000), "👨‍👩‍👧‍👦",
}

// TestSoak sends 100 000 mixed messages through the engine as the program
// wires it (data, index, charts, observer, metrics, logger), from four
// goroutines, and checks that memory and goroutines stay level. It runs
// only when asked:
//
//	ELECTIONBOT_SOAK=1 go test ./cmd/electionbot -run TestSoak -v
//
// ELECTIONBOT_SOAK_MESSAGES changes the count.
func TestSoak(t *testing.T) {
	if os.Getenv("ELECTIONBOT_SOAK") == "" {
		t.Skip("set ELECTIONBOT_SOAK=1 to run the soak test")
	}
	total := 100_000
	if n, err := strconv.Atoi(os.Getenv("ELECTIONBOT_SOAK_MESSAGES")); err == nil && n > 0 {
		total = n
	}
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	writeArticle(t, dir, "belgrade-2014.txt", "2014 Belgrade City Assembly election")
	// Logs at info, one line a message, as a service runs.
	a, err := newApp(config{DataDir: dir}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	platforms := []string{"console", "telegram", "discord"}
	answer := func(i int) {
		resp := a.eng.Handle(ctx, bot.Request{Platform: platforms[i%3], Text: soakMessages[i%len(soakMessages)],
			BotName: "ElectionBot", ChatID: strconv.Itoa(i % 1000)})
		if resp.Outcome == bot.InternalError {
			t.Errorf("message %d (%q): internal error", i, soakMessages[i%len(soakMessages)])
		}
		for _, b := range resp.Buttons {
			a.eng.Press(ctx, b.Data)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}

	// Warm up, so that what is built once is in the baseline.
	for i := range 4 * len(soakMessages) {
		answer(i)
	}
	baseHeap, baseG := heap(), runtime.NumGoroutine()
	const workers, samples = 4, 10
	step := total / samples
	peak, last := baseHeap, baseHeap
	start := time.Now()
	for s := range samples {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := s*step + w; i < (s+1)*step; i += workers {
					answer(i)
				}
			})
		}
		wg.Wait()
		last = heap()
		peak = max(peak, last)
		t.Logf("%7d messages: heap in use %5.1f MiB, goroutines %d", (s+1)*step, mib(last), runtime.NumGoroutine())
	}
	elapsed := time.Since(start)
	g := runtime.NumGoroutine()
	t.Logf("%d messages in %s (%.0f a second); heap in use %.1f MiB before, %.1f MiB after, %.1f MiB at most; goroutines %d before, %d after",
		samples*step, elapsed.Round(time.Millisecond), float64(samples*step)/elapsed.Seconds(), mib(baseHeap), mib(last), mib(peak), baseG, g)

	// Level means within a quarter and 4 MiB of the start: a leak of 100
	// bytes a message would show as 10 MB.
	if limit := baseHeap + baseHeap/4 + 4<<20; last > limit {
		t.Errorf("heap in use grew from %.1f MiB to %.1f MiB over %d messages", mib(baseHeap), mib(last), total)
	}
	if g > baseG {
		t.Errorf("goroutines grew from %d to %d over %d messages", baseG, g, total)
	}
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
