package apilint

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// FuzzParseJSON: the position parser never panics, agrees with
// encoding/json on what is JSON (it accepts trailing commas only as
// repairs), and checking any body against a type terminates without panic.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{" \n\t", `{"a": [1, 2.5e3, "x\u00e9", true, null, {}]}`, `{"a": 1,}`, `[`, `{"a" 1}`, `"\/"`, `-0.1`, `01`} {
		f.Add([]byte(s))
	}
	kite := &model.Type{Name: "microsoft.graph.kite"}
	kite.Fields = []*model.Field{
		{Name: "span", Type: model.FieldType{Primitive: "Edm.Double"}},
		{Name: "a", Type: model.FieldType{Type: kite, Collection: true}},
		{Name: "when", Type: model.FieldType{Primitive: "Edm.DateTimeOffset"}},
	}
	c := New(&model.Schema{Types: []*model.Type{kite}}, nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		n, repairs, err := parseJSON(body)
		// Strings are not checked for UTF-8 (the page was, as a whole).
		if valid := json.Valid(body); utf8.Valid(body) && valid != (err == nil && len(repairs) == 0) {
			t.Fatalf("json.Valid %v, parseJSON err %v with %d repairs", valid, err, len(repairs))
		}
		if n == nil {
			return
		}
		for _, isColl := range []bool{false, true} {
			c.Check(&model.APIPage{Path: "f.md", Examples: []*model.APIExample{{Kind: model.ResponseExample, Type: "microsoft.graph.kite", IsCollection: isColl, HasFence: true, Body: body, BodyLine: 1}}})
		}
	})
}

// FuzzPage: any page, read by parser.ParseAPI, is learned from and
// checked without panic, and every finding stands on a line of the page.
func FuzzPage(f *testing.F) {
	f.Add([]byte("<!-- { \"blockType\": \"request\" } -->\n```http\nGET https://g/v1.0/kites\n```\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.kite\", \"isCollection\": true } -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": [{\"span\": 1}]}\n```\n" +
		"<!-- { \"blockType\": \"request\" } -->\n```http\nPOST https://g/v1.0/kites('1')/a/{id}/microsoft.graph.kite/a\n\n{\"span\": \"x\", \"a\": [{\"@odata.type\": \"#x\"}]}\n```\n"))
	kite := &model.Type{Name: "microsoft.graph.kite"}
	kite.Fields = []*model.Field{
		{Name: "span", Type: model.FieldType{Primitive: "Edm.Double"}},
		{Name: "a", Type: model.FieldType{Type: kite, Collection: true}},
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		page, _ := parser.ParseAPI("f.md", raw)
		if page == nil {
			return
		}
		c := New(&model.Schema{Types: []*model.Type{kite}}, nil)
		c.Learn([]*model.APIPage{page})
		lines := strings.Count(string(raw), "\n") + 1
		for _, d := range c.Check(page) {
			if d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Fatalf("finding outside the page (%d lines): %s", lines, d)
			}
		}
	})
}
