package parser

import "testing"

func TestPageLocale(t *testing.T) {
	for _, tc := range []struct {
		front map[string]string
		path  string
		want  string
	}{
		{map[string]string{"ms.contentlocale": "fr-FR"}, "lamp.md", "fr-FR"},
		{map[string]string{"MS.ContentLocale": "ko-kr"}, "lamp.md", "ko-kr"},
		{map[string]string{"ms.locale": "it-it"}, "lamp.md", "it-it"},
		{map[string]string{"ms.contentlocale": "en-US"}, "es-ES/lamp.md", ""},
		{nil, "docs/sv-SE/lamp.md", "sv-SE"},
		{nil, `docs\cs-cz\lamp.md`, "cs-cz"},
		{nil, "asyncjobstatus.zh-Hant-TW.md", "zh-Hant-TW"},
		{nil, "asyncjobstatus.nl-NL.md", "nl-NL"},
		{nil, "en-us/lamp.md", ""},
		{nil, "corpus/en/v1.0/lamp.md", ""},
		{nil, "v1.0/lamp.md", ""},
		{nil, "api-reference/lamp.md", ""},
		{nil, "single-sign-on.md", ""},
		{nil, "call-records/lamp.md", ""},
		{nil, "my-docs/lamp.md", ""}, // no language of the docs
		{nil, "go-to/lamp.md", ""},
		{nil, "es-docs/lamp.md", ""}, // no region or script
		{nil, "zh-Hans/lamp.md", "zh-Hans"},
		{nil, "sr-Latn-RS/lamp.md", "sr-Latn-RS"},
	} {
		if got := pageLocale(tc.front, tc.path); got != tc.want {
			t.Errorf("pageLocale(%v, %q) = %q, want %q", tc.front, tc.path, got, tc.want)
		}
	}
}

func TestLinkTargetName(t *testing.T) {
	for _, tc := range []struct{ dest, want string }{
		{"thumbnail.md", "thumbnail"},
		{"../resources/security-alertevidence.md#x", "alertevidence"},
		{"lamp.fr-FR.md", "lamp"}, // a page named for its locale
		{"callrecords-session.zh-Hant-TW.md", "session"},
		{"lamp.v2.md", ""}, // no locale: no identifier either
		{"https://example.com/lamp.md", ""},
		{"lamp.html", ""},
	} {
		if got := linkTargetName(tc.dest); got != tc.want {
			t.Errorf("linkTargetName(%q) = %q, want %q", tc.dest, got, tc.want)
		}
	}
}
