package model

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// camelWordPattern is what camelWords scans for by hand.
var camelWordPattern = regexp.MustCompile(`\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9_]*\b`)

// TestCamelWordsMatchRegexp checks the hand scanner against the regexp it
// replaces: constructed cases, random text over the bytes that matter,
// and every line of the corpus pages when they are beside the repository.
func TestCamelWordsMatchRegexp(t *testing.T) {
	check := func(text string) {
		t.Helper()
		got := slices.Collect(camelWords(text))
		want := camelWordPattern.FindAllString(text, -1)
		if !slices.Equal(got, want) {
			t.Fatalf("camelWords(%q) = %q; the regexp finds %q", text, got, want)
		}
	}
	for _, text := range []string{
		"", "a", "aB", "Ab", "a_B", "a1B", "1aB", "_aB", "aB_c", "aBc.dEf", "x-yZ", "éaBé",
		"See workforceIntegrationSupportedEntities and the eventType enum.",
		"aaa aBB a9Z_9 abc_Def", "fooBar\u00e9bazQux", "oData.type", "a\u0301B",
	} {
		check(text)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "aZz09_ .-\u00e9`"
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(b))
	}
	pages, _ := filepath.Glob("../../shared/corpus/en/v1.0/*.md")
	if len(pages) == 0 {
		t.Log("../shared/corpus not found: the corpus lines are not checked")
	}
	for _, page := range pages {
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(raw)) {
			check(line)
		}
	}
}
