package lang

import "strings"

// englishWords are common English words, and the English words of party,
// list and place names, that are not also Serbian words: a phrase with one
// of them is English and keeps its Latin letters in a Cyrillic reply,
// and a question with them counts towards English (detect.go). Words
// that are Serbian too ("a", "i", "on", "to", "do", "more") are left
// out.
var englishWords = wordSet(`
about above after again against all alliance alongside also although always among an and another any
are around as at away back be because been before being below between both but by can civic city
coalition could council day democracy democratic did does done down during each economic election elections
electoral enough european every few first for free from full future get got green greens
group had has have he her here him his how if in independent into is it its just last leader
least less like list lists local made many may mayor might minority most movement much must my national
new next none not now of off old only or other others our out over own parliament parliamentary party
parties patriotic patriotism people percent politician poll polls popular previous progressive radical
regions result results round same seat seats second several she should since some still such
than that the their them then there these they third this those through together under union united
until up upon very vote votes voted was we were what when where which while who whom whose why will
with without would year years you your
assembly belgrade serbia serbian serbs croatia croatian montenegro montenegrin bosnia herzegovina
hungarians russians slovenia macedonia europe socialist socialists social conservative
pensioners renewal blank ballots ballot cyrillic citizens civil alternative action forward
win won lose lost seats turnout threshold majority candidate candidates president presidential
yes question independence runoff run-off opinion pollster sample date held
share percentage carrier carried called name named total most came tell show give
happened happen which top largest biggest smallest beat defeated
january february march april june july august september october november december
`)

// wordSet makes a set of the whitespace-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
