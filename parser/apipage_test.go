package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/docgen/model"
)

const apiPage = "\ufeff---\r\ntitle: \"Get kite\"\r\n---\r\n" + `# Get kite

` + "```md\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.shownInCode\" } -->\n```\n" + `
<!-- {
  "blockType": "request",
  "name": "get_kite"
} -->

` + "```msgraph-interactive\nPATCH https://graph.example/v1.0/kites/7\nContent-Type: application/json\n\n{\n  \"span\": 2\n}\n```\n" + `
# [C#](#tab/csharp)
[!INCLUDE [sample-code](../includes/snippets/csharp/get-kite-csharp-snippets.md)]

<!-- {
  "blockType": "response",
  "truncated": true,
  "@odata.type": "microsoft.graph.kite",
  "isCollection": "true",
} -->
<!-- uuid: 00000000 -->

` + "``` http\nHTTP 200 OK\nContent-Type: application/json; odata.metadata=minimal\n\n{\n  \"value\": []\n}\n\n```\n" + `
<!-- { "blockType": "response" } -->
` + "```http\nHTTP/1.1 204 No Content\n```\n" + `
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.kite" } -->

Prose, not a block.
`

// TestParseAPI: examples with their annotation fields, request and status
// lines, media type, and a body whose lines are the page's lines (CRLF
// front matter and a BOM included); a comment inside a code block is no
// annotation.
func TestParseAPI(t *testing.T) {
	page, diags := ParseAPI("kite-get.md", []byte(apiPage))
	if page == nil || len(page.Examples) != 4 {
		t.Fatalf("examples: %+v", page)
	}
	if len(diags) != 1 || diags[0].Code != model.APIAnnotationRepaired || diags[0].Pos.Line != 31 {
		t.Errorf("diagnostics %v, want one DG081 at line 31 (the trailing comma)", diags)
	}
	req, resp, empty, bare := page.Examples[0], page.Examples[1], page.Examples[2], page.Examples[3]
	if req.Kind != model.RequestExample || req.Name != "get_kite" || req.Method != "PATCH" || req.URL != "https://graph.example/v1.0/kites/7" ||
		req.ContentType != "application/json" || req.BodyLine != 19 || string(req.Body) != "{\n  \"span\": 2\n}" || req.Pos.Line != 10 {
		t.Errorf("request: %+v", req)
	}
	if resp.Kind != model.ResponseExample || resp.Type != "microsoft.graph.kite" || resp.TypePos.Line != 30 || !resp.Truncated ||
		!resp.IsCollection || resp.Status != 200 || resp.BodyLine != 39 || !strings.HasSuffix(string(resp.Body), "}") || resp.FencePos.Line != 35 || resp.Pos.Line != 27 {
		t.Errorf("response: %+v", resp)
	}
	if !empty.HasFence || empty.Status != 204 || empty.Body != nil {
		t.Errorf("204 response: %+v", empty)
	}
	if bare.HasFence {
		t.Errorf("annotation before prose has a block: %+v", bare)
	}
	if p, _ := ParseAPI("user.md", []byte("# user resource type\n<!-- { \"blockType\": \"resource\" } -->\n")); p != nil {
		t.Errorf("a resource page read as an API page: %+v", p)
	}
}

// FuzzParseAPI: any input reads without panic, and every example's body
// lies inside the page.
func FuzzParseAPI(f *testing.F) {
	f.Add([]byte(apiPage))
	f.Add([]byte("<!-- { \"blockType\": \"response\" \n```http\nHTTP/1.1 200 OK\n\n{"))
	f.Add([]byte("<!--\"blockType\":\"request\"-->\n~~~\nPOST x\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		page, _ := ParseAPI("f.md", raw)
		if page == nil {
			return
		}
		lines := strings.Count(string(raw), "\n") + 1
		for _, ex := range page.Examples {
			if ex.Body != nil && (ex.BodyLine < 1 || ex.BodyLine+strings.Count(string(ex.Body), "\n") > lines) {
				t.Fatalf("body at line %d (%d lines) outside a page of %d lines", ex.BodyLine, strings.Count(string(ex.Body), "\n")+1, lines)
			}
		}
	})
}
