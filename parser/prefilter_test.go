package parser

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

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
		"The possible value is: `message`.",
		"Possible value: `low`.",
		"The only valid value is `sync`.",
		"Supported values for dataType are: `a`, `b`.",
		"Allowed Value Include x",
		"Accepted values IS a",
		"Must be one of `a` or `b`.",
		"One of: `a`, `b`.",
		"allowed valueſ: a, b",
	} {
		if !valuesPhrase().MatchString(text) {
			t.Fatalf("the regexp should match %q: the test is wrong", text)
		}
		if !mayMatch(text, valuesWords...) {
			t.Errorf("the prefilter drops %q, which the regexp matches", text)
		}
	}
	for _, text := range []string{"", "The name of the user.", "valu", "one o", "The value of the key.", "The keys' values, in order."} {
		if mayMatch(text, valuesWords...) {
			t.Errorf("the prefilter lets %q through", text)
		}
	}
}

// TestPhrasePrefilters: the words each phrase regexp is guarded by let
// through a text for every alternative of the regexp, in any case, with
// the letters (?i) folds from outside ASCII, as the regexp matches them.
func TestPhrasePrefilters(t *testing.T) {
	for _, tc := range []struct {
		re    *regexp.Regexp
		words []string
		texts []string
	}{
		{inheritsTail(), []string{"inherit", "deriv", "subclass", "type of"}, []string{
			"Inherits from ", "DERIVES FROM the ", "It is derived from a base ", "An subclass of ",
			"is a type of ", "is an subclaſs of ", "Subclass from ", "a Type Of ",
		}},
		{inheritsTailTranslated(), nil, []string{
			"Наследуется от ", "наследует ", "erbt von ", "Abgeleitet von ", "hérite de ", "Dérivé de ", "deriva de ",
			"HEREDA DE ", "derivado de ", "herda de ", "eredita da ", "derivata da ", "neemt over van ", "overgenomen van ",
			"dziedziczy po ", "dědí z ", "devralır", "继承自", "派生自", "繼承自", "衍生自",
		}},
		{inheritsWord(), []string{"inherits", "derive"}, []string{"Inherits from entity", "derives from user", "DERIVED FROM x"}},
		{derivedHint(), []string{"derive", "base "}, []string{"derived types", "Derived Type", "the base class", "Base Resource", "types derive"}},
		{derivedMarker(), []string{"derived type", "such as"}, []string{"The derived types are:", "derived type is", "the base type for many, such as", "Base Class of these, Such As"}},
		{derivedAnnounced(), []string{"derived type"}, []string{"Supported derived types:", "DERIVED TYPE list:  "}},
		{saysOpenType(), []string{"open type"}, []string{"This is an open type.", "It is an OPEN TYPE"}},
		{saysAbstract(), []string{"abstract"}, []string{"This is an abstract type.", "It is an ABSTRACT type", "An abstract base class for apps.", "Represents an abstract base type."}},
	} {
		for _, text := range tc.texts {
			if !tc.re.MatchString(text) {
				t.Fatalf("%v should match %q: the test is wrong", tc.re, text)
			}
			pass := mayMatch(text, tc.words...)
			if tc.re == inheritsTailTranslated() {
				pass = nonASCIILetter(text) || mayMatch(text, translatedInheritWords...)
			}
			if !pass {
				t.Errorf("the prefilter of %v drops %q, which it matches", tc.re, text)
			}
		}
	}
	if mayMatch("nothing to see", "inherit") || !mayMatch("\u212a", "x") || nonASCIILetter("plain") || !nonASCIILetter("é") ||
		nonASCIILetter("it’s “x” — a b") || !nonASCIILetter("—値") {
		t.Error("mayMatch or nonASCIILetter is wrong on plain cases")
	}
}

// TestTranslatedValuesPrefilter: every text the translated values phrase
// regexp, and the translated "inherits from" one, matches passes the cheap
// test in front of it. The texts are made
// from the regexp itself (every alternative, every optional part), so
// a phrase added later is checked too.
func TestTranslatedValuesPrefilter(t *testing.T) {
	for _, tc := range []struct {
		re   *regexp.Regexp
		gate func(string) bool
	}{
		{valuesPhraseTranslated(), func(s string) bool { return nonASCIILetter(s) || mayMatch(s, translatedValuesWords...) }},
		{inheritsTailTranslated(), func(s string) bool { return nonASCIILetter(s) || mayMatch(s, translatedInheritWords...) }},
	} {
		re, err := syntax.Parse(tc.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		texts := matchingTexts(re)
		if len(texts) < 20 {
			t.Fatalf("%d texts made from %v: the generator is wrong", len(texts), tc.re)
		}
		for _, text := range texts {
			if !tc.re.MatchString(text) {
				t.Fatalf("%v should match %q: the generator is wrong", tc.re, text)
			}
			if !tc.gate(text) {
				t.Errorf("the prefilter of %v drops %q, which it matches", tc.re, text)
			}
		}
	}
}

// matchingTexts returns texts re matches: every branch of every
// alternation, each optional or repeated part absent and once, a class by
// its first character.
func matchingTexts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		return []string{string(re.Rune[0])}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"x"}
	case syntax.OpCapture:
		return matchingTexts(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			out = append(out, matchingTexts(sub)...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			var next []string
			for _, head := range out {
				for _, tail := range matchingTexts(sub) {
					next = append(next, head+tail)
				}
			}
			out = next
		}
		return out
	case syntax.OpQuest, syntax.OpStar:
		return append([]string{""}, matchingTexts(re.Sub[0])...)
	case syntax.OpPlus, syntax.OpRepeat:
		once := matchingTexts(re.Sub[0])
		if re.Op == syntax.OpRepeat && re.Min == 0 {
			return append([]string{""}, once...)
		}
		return once
	}
	return []string{""} // empty-width assertions
}

// TestFindValuesPhrases: the hand matcher finds what the valuesPhrase
// regexp finds, on every string of up to three pieces from the words of the
// phrase, their case variants, near misses and separators, and on mixed
// texts.
func TestFindValuesPhrases(t *testing.T) {
	pieces := []string{
		"possible", "Possible", "SUPPORTED", "valid", "allowed", "Accepted", "possibles",
		"values", "VALUES", "value", "are", "include", "Includes", "area",
		"can", "be", "One", "of", "the", "following", "is", "IS", "Must", "for", "dataType", "value:", "one of:", "for x ",
		" ", ":", "x", "_", "é", "ſ", "\u212a", "",
		"can be one of", "Can Be One Of", " the following", " values", "possible values", " values ", "valid values are",
	}
	n := 0
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		n++
		want := valuesPhrase().FindAllStringIndex(s, -1)
		if got := findValuesPhrases(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findValuesPhrases(%q) = %v, the regexp %v", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, p := range pieces {
			walk(s+p, depth-1)
			walk(s+" "+p, depth-1)
		}
	}
	walk("", 3)
	for _, s := range []string{
		"Possible values are: `a`, `b`. Supported values include x, y; it can be one of the following values: p, q.",
		"The status. possible values: on, off. Valid values are: a. can be one of: x",
		"xpossible values are a, b", "possible values are_", "Can be one of the following:", "can be one ofthe",
		"The possible value is: `message`. The only valid value isn't one. Supported values for **dataType** are: a",
		"valid values for  x are", "valid values for  are", "valid values for x_1 is:", "valid values for x y are", "valid value for are", "Must be one of: a. One of:b",
		"allowed value:x allowed values:: possible valuesis accepted value includes",
	} {
		want := valuesPhrase().FindAllStringIndex(s, -1)
		if got := findValuesPhrases(s); !reflect.DeepEqual(got, want) {
			t.Errorf("findValuesPhrases(%q) = %v, the regexp %v", s, got, want)
		}
	}
	if n < 100000 {
		t.Errorf("only %d strings compared", n)
	}
}

// TestContainsFoldASCII holds containsFoldASCII, and mayMatch with lists of
// words, to lowering the ASCII letters of s and searching, on random text
// over a small alphabet (so that near misses, both cases and the word at
// either end are common).
func TestContainsFoldASCII(t *testing.T) {
	lower := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "oOnNeE fF:é\u212a"
	pick := func(n int) string {
		var b strings.Builder
		for range n {
			r := []rune(alphabet)
			b.WriteRune(r[rng.IntN(len(r))])
		}
		return b.String()
	}
	for _, word := range []string{"one of", "one", "o", "e:", "f", ""} {
		for range 20000 {
			s := pick(rng.IntN(12))
			if got, want := containsFoldASCII(s, word), strings.Contains(lower(s), word); got != want {
				t.Fatalf("containsFoldASCII(%q, %q) = %v, want %v", s, word, got, want)
			}
		}
	}
	// mayMatch scans once a first letter for all the words that share it.
	for _, words := range [][]string{{"one of", "one", "on"}, {"neo", "one", "e:", "off", "of"}, {"f", "fe", "no"}, {"eee", "ee"}} {
		for range 20000 {
			s := pick(rng.IntN(12))
			want := strings.ContainsAny(s, "\u212a")
			for _, w := range words {
				want = want || strings.Contains(lower(s), w)
			}
			if got := mayMatch(s, words...); got != want {
				t.Fatalf("mayMatch(%q, %q) = %v, want %v", s, words, got, want)
			}
		}
	}
}

// TestEitherValues: "either" and "can be" introduce values only when nothing but
// values in code spans, joined by commas and "or", runs to the end of its
// sentence or line.
func TestEitherValues(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Either `a` or `b`.", []string{"a", "b"}},
		{"It can either be `A`, `B`, or `C`. Read-only.", []string{"A", "B", "C"}},
		{"The store, EITHER `x` or `y`", []string{"x", "y"}},
		{"Either `a` or `b` \nRead-only.", []string{"a", "b"}},
		{"Either `a`, `null` or `b`.", []string{"a", "b"}},
		{"Neither `a` nor `b`. Either `c` or `d`.", []string{"c", "d"}},
		{"Either `a` or `b` must be set.", nil},
		{"Either `a` and `b`.", nil},
		{"Either `a` `b` or `c`.", nil},
		{"Either `a`.", nil},
		{"Either `a` or `b.c`.", nil},
		{"Either `a` or ", nil},
		{"Set either `a or b", nil},
		{"either", nil},
		{"`a` or `b`, either.", nil},
		{"Can be set to `Hidden` or `Public`. If not set, `Public`.", []string{"Hidden", "Public"}},
		{"The state can be `a`, `b` or `c`", []string{"a", "b", "c"}},
		{"It can be either `a` or `b`.", []string{"a", "b"}},
		{"It can be `a`, `b`.", nil},
		{"It can be `null` or `a`.", nil},
		{"It can behave `a` or `b`.", nil},
		{"The state can be `a` or `b`, or `null` for others.", nil},
	} {
		if got := eitherValues(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("eitherValues(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestOneAmongMany: a values phrase after a word of bound, default or
// one of several speaks of one value among others, not of the property's
// values.
func TestOneAmongMany(t *testing.T) {
	for before, want := range map[string]bool{
		"The maximum ":       true,
		"Its DEFAULT ":       true,
		"(lowest ":           true,
		"A ":                 true,
		"For example, one ":  true,
		"The ":               false,
		"":                   false,
		"The only ":          false,
		"Le maximum été ":    false,
		"préféré maximum   ": true,
	} {
		if got := oneAmongMany(before); got != want {
			t.Errorf("oneAmongMany(%q) = %v, want %v", before, got, want)
		}
	}
}

// TestCollectionWordASCII: on ASCII text the ASCII alternatives of the
// collection words match where the whole regexp does, for every text made
// from the whole regexp's alternatives and for near misses around them.
func TestCollectionWordASCII(t *testing.T) {
	re, err := syntax.Parse(collectionWord().String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	texts := matchingTexts(re)
	if len(texts) < 20 {
		t.Fatalf("%d texts made from %v: the generator is wrong", len(texts), collectionWord())
	}
	// The parser factors alternatives that share letters ("sammlung",
	// "samling"), and the generator then makes only some of them: each
	// alternative of the source is also written out, its classes by their
	// first letter.
	class := regexp.MustCompile(`\[(.)[^\]]*\]`)
	for _, alt := range strings.Split(strings.TrimPrefix(collectionWord().String(), "(?i)"), "|") {
		alt = strings.NewReplacer(`\b`, "", `\p{L}*`, "").Replace(alt)
		texts = append(texts, class.ReplaceAllString(alt, "$1"))
	}
	ascii := 0
	for _, text := range texts {
		for _, s := range []string{text, "x" + text, text + "x", " " + text + " ", strings.ToUpper(text), "[x](x.md) " + text} {
			if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
				continue
			}
			ascii++
			if got, want := collectionWordASCII().MatchString(s), collectionWord().MatchString(s); got != want {
				t.Errorf("on %q the ASCII regexp says %v, collectionWord %v", s, got, want)
			}
			if hasCollectionWord(s) != collectionWord().MatchString(s) {
				t.Errorf("hasCollectionWord(%q) differs from collectionWord", s)
			}
		}
	}
	if ascii < 30 {
		t.Fatalf("%d ASCII texts: the test is wrong", ascii)
	}
}
