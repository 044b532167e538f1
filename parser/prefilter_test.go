package parser

import "testing"

// TestValuesPhrasePrefilter: the cheap test in describedValues lets
// through every text the valuesPhrase regexp matches, whatever the case,
// including letters whose case variants lie outside ASCII (the regexp's
// (?i) matches ſ for s and K for k).
func TestValuesPhrasePrefilter(t *testing.T) {
	for _, text := range []string{
		"Possible values are: `a`, `b`.",
		"POSSIBLE VALUES INCLUDE a, b",
		"The supported values are x and y.",
		"Allowed valueſ are: a, b.",
		"Accepted Values Include: one, two",
		"possible values: a, b",
		"It can be one of the following values: a, b.",
		"Can Be One Of a, b",
	} {
		if !valuesPhrase.MatchString(text) {
			t.Fatalf("the regexp should match %q: the test is wrong", text)
		}
		if !containsFoldASCII(text, "alue") && !containsFoldASCII(text, "ne of") {
			t.Errorf("the prefilter drops %q, which the regexp matches", text)
		}
	}
	for _, text := range []string{"", "The name of the user.", "valu", "one o"} {
		if containsFoldASCII(text, "alue") || containsFoldASCII(text, "ne of") {
			t.Errorf("the prefilter lets %q through", text)
		}
	}
}
