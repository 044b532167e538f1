// Package model is the plain data that flows from parser to emit: what a
// Graph resource page documents, with no goldmark or jennifer types in it.
package model

import (
	"fmt"
	"strings"
)

// Pos is a place in an input file; Line is 1-based. Col is the 1-based
// byte column, set only where one character is at fault (an invalid byte,
// a JSON syntax error); 0 means the whole line.
type Pos struct {
	File string
	Line int
	Col  int
}

// String is "file:line", the form docgen's own diagnostics use.
func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Full is "file:line:col" when the column is known, else "file:line".
func (p Pos) Full() string {
	if p.Line > 0 && p.Col > 0 {
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	return p.String()
}

// Severity orders diagnostics: an Error stops output from being written.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one finding about the input, printed as
// "file:line: severity: message [code]" (the column, when known, is in
// Pos.Col and in docgen lint's output; this form stays as scripts read it).
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Message  string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// Diagnostics collects findings in the order they were made.
type Diagnostics []Diagnostic

// Report adds a finding; its severity comes from the catalogue.
func (ds *Diagnostics) Report(pos Pos, code Code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Catalogue[code].Severity, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an Error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Text is prose from a page: always the English text, plus the page's own
// language when the page is localized (empty otherwise).
type Text struct {
	English   string
	Localized string
}

// In returns the localized text when asked for and present, else English.
func (t Text) In(localized bool) string {
	if localized && t.Localized != "" {
		return t.Localized
	}
	return t.English
}

// Page is one input file and what it documents.
type Page struct {
	Path      string // as given on the command line
	Locale    string // ms.contentlocale from the front matter; "" for English originals
	Namespace string // from the page's "Namespace:" line; microsoft.graph when absent
	Resources []*Resource
	Enums     []*EnumDecl // enum tables: enums.md sections, enum pages, in-page "x values"
}

// EnumSource says where an enum's members were read, strongest first.
type EnumSource int

const (
	FromEnumTable   EnumSource = iota // a Members table or an "x values" table
	FromSample                        // "a | b | c" in the JSON representation
	FromDescription                   // "Possible values are: ..." in a description cell
)

func (s EnumSource) String() string {
	return [...]string{"enum table", "JSON representation", "description"}[s]
}

// EnumDecl is an enum as one page documents it.
type EnumDecl struct {
	Name        string // namespace-qualified
	Description Text
	Members     []EnumMember
	// Flags: the table gives the members bit values (0 and powers of two:
	// none 0, desktop 1, mobile 2, holographic 4), or the enum's page calls
	// it multi-valued, so a value may combine several.
	Flags bool
	Pos   Pos
}

// EnumMember is one documented value of an enum.
type EnumMember struct {
	Name        string // as sent on the wire
	Description Text
	Pos         Pos
}

// Resource is one `blockType: resource` annotation with its sample and tables.
type Resource struct {
	Name     string   // namespace-qualified, e.g. microsoft.graph.asyncJobStatus
	Aliases  []string // @type.aka
	BaseType string   // namespace-qualified; "" when null or absent
	// BaseSource says where BaseType was read: the annotation, or the
	// page's prose ("Inherits from [x](x.md)"), whose name may be bare.
	BaseSource Source
	// BaseLink is the link target the prose named the base with
	// (../resources/security-alertevidence.md): its file name hints at the
	// namespace.
	BaseLink           string
	KeyProperty        string
	OptionalProperties []string
	OpenType           bool
	Abstract           bool
	Description        Text
	Properties         []*Property // documentation order: JSON sample first, then table-only rows
	Pos                Pos         // the annotation
	// KeyPropertyPos and TypePos are where the annotation's keyProperty and
	// @odata.type (or @type) keys stand, for findings about them.
	KeyPropertyPos Pos
	TypePos        Pos
	// NoPropertiesSection: the page has no Properties section, reported
	// once for the page (DG035) with the sample-only properties it leaves
	// undocumented, which are then not reported one by one (DG033).
	NoPropertiesSection bool
	// Addressable: the page's Methods table links to API pages, so the
	// type is an entity the API reaches by its id.
	Addressable bool
	// DerivedTypes are the types the page names as derived from this one
	// ("Derived types" section, "the derived types are [x](x.md)").
	DerivedTypes []DerivedRef
	// InheritedFrom are the types its table rows name as where a property
	// comes from ("Inherited from [onlineMeetingBase](onlinemeetingbase.md)"),
	// each once, in page order: ancestors of the type.
	InheritedFrom []DerivedRef
	// TranslatedRows are table rows skipped because their property name was
	// translated (an older machine translation): reported once (DG031), with
	// the sample keys that stand for them instead of a DG033 for each.
	TranslatedRows []TranslatedRow
	// UnreadTable is where the resource's properties table stands when it
	// has no name or type column and so could not be read: reported once
	// (DG030) with the sample-only properties that leaves undocumented.
	UnreadTable Pos
	// Unannotated: the page has no resource annotation; the type is read
	// from its "x resource type" title, tables and JSON representation,
	// and Pos is the title.
	Unannotated bool
	// ProseBase and ProseBaseLink are the base the prose names when the
	// annotation names another (DG062): resolution prefers it to an
	// annotation's entity when the page lists its properties (DG054).
	ProseBase, ProseBaseLink string
}

// ShortName is the name without its namespace: asyncJobStatus.
func (r *Resource) ShortName() string {
	return r.Name[strings.LastIndexByte(r.Name, '.')+1:]
}

// Namespace is the name's qualifier: microsoft.graph.
func (r *Resource) Namespace() string {
	if i := strings.LastIndexByte(r.Name, '.'); i >= 0 {
		return r.Name[:i]
	}
	return ""
}

// Source says where a fact about a type was read. The model dump records
// it for each base type and property type.
type Source string

const (
	SourceAnnotation Source = "annotation"  // a resource annotation (or its keyProperty)
	SourceProse      Source = "prose"       // a sentence such as "Inherits from [x](x.md)"
	SourceBasePage   Source = "base page"   // the base's page lists the type among its derived types
	SourceAPIMethods Source = "api methods" // entity, from an id property and the page's API methods (DG063)
	// entity, as the root of a hierarchy a Relationships row points into (DG063)
	SourceRelationship Source = "relationship"
	SourceRows         Source = "inherited rows" // the rows' "Inherited from [x](x.md)" notes (DG077)
	SourceTable        Source = "table"          // a Properties or Relationships row
	SourceSample       Source = "sample"         // the value in the JSON representation
)

func (s Source) String() string { return string(s) }

// TypeKind says how a property's type was written.
type TypeKind int

const (
	Primitive TypeKind = iota // an Edm primitive, Name is canonical ("Edm.Double")
	Reference                 // another documented type or enum, Name as written
)

// TypeRef is a property's type.
type TypeRef struct {
	Kind       TypeKind
	Name       string
	Collection bool
	// Alternatives are the other types a cell such as "[a](a.md) or
	// [b](b.md)" names, in order; Name is the first. Resolve types the
	// property as their common base (DG069).
	Alternatives []string
	// Link is the target of the link the cell names the type with, "" for
	// none: a page named after the type alone (group.md) is one of
	// microsoft.graph's, which tells a bare name's namespace.
	Link string
}

func (t TypeRef) String() string {
	if t.Collection {
		return "Collection(" + t.Name + ")"
	}
	return t.Name
}

// Property is one documented property or relationship.
type Property struct {
	Name        string // wire name
	Type        TypeRef
	Description Text
	EnumValues  []string // members listed in the JSON sample as "a | b | c"
	// DescribedValues are members the description lists ("Possible values
	// are: ..." or a "<name> property values" table on the page).
	DescribedValues []string
	// MultiValued: the description says a value may hold several members,
	// comma-separated ("This is a multi-valued enumeration"): a flags enum.
	MultiValued bool
	Navigation  bool // from a Relationships table
	InSample    bool
	InTable     bool
	// TypedFromSample: the tables do not list the property, so its type
	// comes from its value in the JSON representation.
	TypedFromSample bool
	Pos             Pos // the table row, or the sample line when the tables omit it
	SamplePos       Pos // the key's line in the JSON representation, when it is there
}

// TranslatedRow is a table row whose name cell holds a translation.
type TranslatedRow struct {
	Name string
	Pos  Pos
}

// DerivedRef is a type a base type's page names as derived from it: the
// link text (or the link target's name) and the link.
type DerivedRef struct {
	Name string
	Link string
	Pos  Pos
}
