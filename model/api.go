package model

// APIPage is an API method page (user-update.md): the request and response
// examples its annotations mark. A page is one when it holds a
// `blockType: request` or `response` annotation, wherever it is filed.
type APIPage struct {
	Path     string
	Examples []*APIExample // page order
}

// ExampleKind tells a request example from a response example.
type ExampleKind int

const (
	RequestExample ExampleKind = iota
	ResponseExample
)

func (k ExampleKind) String() string {
	if k == ResponseExample {
		return "response"
	}
	return "request"
}

// APIExample is one annotated code block of an API page.
type APIExample struct {
	Kind ExampleKind
	Name string // the annotation's "name"
	Pos  Pos    // the annotation
	// Type is the annotation's @odata.type (or @type) without a leading #;
	// TypePos is the line that names it.
	Type         string
	TypePos      Pos
	IsCollection bool
	Truncated    bool
	IsEmpty      bool

	HasFence bool // a code block follows the annotation
	FencePos Pos  // its opening line
	Method   string
	URL      string // requests: from the "METHOD URL" line
	Status   int    // responses: from the "HTTP/1.1 200 OK" line; 0 when absent
	// ContentType is the Content-Type header's media type, lower case; ""
	// when the block has no such header.
	ContentType string
	// Body is the text after the status line and headers, trimmed of blank
	// lines at both ends; BodyLine is the page line its first line stands on.
	// Lines are kept whole, so that line i of Body is page line BodyLine+i.
	Body     []byte
	BodyLine int
}
