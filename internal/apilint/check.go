// Package apilint checks the request and response examples of API method
// pages against the model the resource pages document: each value against
// the resolved type of its property, base types included. It reads the
// plain data of package model only (parser.ParseAPI makes it).
package apilint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/graphdocgen/docgen/model"
)

// Checker holds the schema's types and enums by name.
type Checker struct {
	types map[string]*model.Type // lower-case qualified names and aliases
	enums map[string]*model.Enum
	// incomplete holds the types whose declared base is not documented:
	// what they inherit is unknown, so no property of theirs is "unknown".
	incomplete map[*model.Type]bool
	typed      bool // resource pages were given: types can be checked
	roots      map[string]*root
	// optional holds each type's optionalProperties (from every page
	// annotating it).
	optional map[*model.Type]map[string]bool
	// collections holds the lower-case names of collection-valued
	// properties of structured types (navigation or not).
	collections map[string]bool
	// checked counts the examples checked against a type, by kind.
	checked [2]atomic.Int64
}

// New indexes a schema. pages are the resource pages it was resolved
// from, for the base types they name that resolution could not find. A
// nil schema (no resource pages) checks that bodies are JSON, nothing more.
func New(schema *model.Schema, pages []*model.Page) *Checker {
	c := &Checker{types: map[string]*model.Type{}, enums: map[string]*model.Enum{}, incomplete: map[*model.Type]bool{}}
	if schema == nil {
		return c
	}
	c.typed = len(schema.Types) > 0
	c.collections = map[string]bool{}
	for _, t := range schema.Types {
		c.types[strings.ToLower(t.Name)] = t
		for _, f := range t.Fields {
			if f.Type.Type != nil && f.Type.Collection {
				c.collections[strings.ToLower(f.Name)] = true
			}
		}
	}
	for _, t := range schema.Types {
		for _, a := range t.Aliases {
			if _, ok := c.types[strings.ToLower(a)]; !ok {
				c.types[strings.ToLower(a)] = t
			}
		}
	}
	for _, e := range schema.Enums {
		if e.Owner == nil { // an enum inferred from one property has no name of its own
			c.enums[strings.ToLower(e.Name)] = e
		}
	}
	c.optional = map[*model.Type]map[string]bool{}
	for _, p := range pages {
		for _, r := range p.Resources {
			t := c.types[strings.ToLower(r.Name)]
			if t == nil {
				continue
			}
			if r.BaseType != "" && t.Base == nil {
				c.incomplete[t] = true
			}
			for _, o := range r.OptionalProperties {
				if c.optional[t] == nil {
					c.optional[t] = map[string]bool{}
				}
				c.optional[t][o] = true
			}
		}
	}
	for _, t := range schema.Types {
		// A root type whose page says it inherits (in prose only) has a base
		// the model does not know.
		if t.Base == nil && inheritsInProse().MatchString(t.Description.English) {
			c.incomplete[t] = true
		}
		// Likewise a type its page calls open in prose only.
		if !t.Open && openInProse().MatchString(t.Description.English) {
			c.incomplete[t] = true
		}
	}
	return c
}

// Compiled when first used: docgen links this package for lint, and every
// run would otherwise pay for these at start-up.
var (
	inheritsInProse = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(inherits from|inherited from|derived from|derives from|subclass of)\b`)
	})
	openInProse = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(^|[^a-z])open[ -]type([^a-z]|$)`) })
)

// Checked is how many examples of a kind were checked against a type.
func (c *Checker) Checked(k model.ExampleKind) int { return int(c.checked[k].Load()) }

// Typed reports whether the checker knows types (resource pages were given).
func (c *Checker) Typed() bool { return c.typed }

// valueType is what a JSON value is documented to be: exactly one of
// primitive (an Edm name), typ or enum, maybe a collection.
type valueType struct {
	primitive  string
	typ        *model.Type
	enum       *model.Enum
	collection bool
}

func (v valueType) single() valueType { v.collection = false; return v }

func (v valueType) String() string {
	name := v.primitive
	switch {
	case v.typ != nil:
		name = v.typ.Name
	case v.enum != nil:
		name = v.enum.Name
		if v.enum.Owner != nil {
			name = "Edm.String" // the type cell; the values are listed in prose
		}
	}
	if v.collection {
		return "Collection(" + name + ")"
	}
	return name
}

func fieldType(f model.FieldType) valueType {
	return valueType{primitive: f.Primitive, typ: f.Type, enum: f.Enum, collection: f.Collection}
}

// lookupType resolves a name as annotations and @odata.type write it:
// qualified or bare (microsoft.graph), with or without '#'.
func (c *Checker) lookupType(name string) *model.Type {
	name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	if t := c.types[name]; t != nil {
		return t
	}
	if !strings.Contains(name, ".") {
		return c.types["microsoft.graph."+name]
	}
	return nil
}

func (c *Checker) lookupEnum(name string) *model.Enum {
	name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	if e := c.enums[name]; e != nil {
		return e
	}
	if !strings.Contains(name, ".") {
		return c.enums["microsoft.graph."+name]
	}
	return nil
}

// resolveName turns an annotation's type into a valueType: a documented
// type or enum, an Edm primitive, maybe written Collection(X).
func (c *Checker) resolveName(name string) (valueType, bool) {
	var v valueType
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if len(name) > len("Collection()") && strings.EqualFold(name[:len("Collection(")], "Collection(") && strings.HasSuffix(name, ")") {
		v.collection = true
		name = strings.TrimSpace(name[len("Collection(") : len(name)-1])
	}
	lower := strings.ToLower(name)
	if canon, ok := edmPrimitives[lower]; ok {
		v.primitive = canon
		return v, true
	}
	if canon, ok := edmPrimitives["edm."+lower]; ok && !strings.Contains(lower, ".") {
		v.primitive = canon // "String", "stream": ApiDoctor reads bare primitive names
		return v, true
	}
	if strings.HasPrefix(lower, "edm.") {
		return v, false
	}
	if t := c.lookupType(name); t != nil {
		v.typ = t
		return v, true
	}
	if e := c.lookupEnum(name); e != nil {
		v.enum = e
		return v, true
	}
	return v, false
}

var edmPrimitives = map[string]string{}

func init() {
	for _, n := range []string{"Binary", "Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Double", "Duration",
		"Guid", "Int16", "Int32", "Int64", "SByte", "Single", "Stream", "String", "TimeOfDay", "Untyped",
		"Geography", "GeographyPoint", "Geometry", "GeometryPoint"} {
		edmPrimitives["edm."+strings.ToLower(n)] = "Edm." + n
	}
}

// pageCheck is the state of checking one example.
type pageCheck struct {
	c *Checker
	// whole is set for a response not marked truncated: its items must
	// hold every documented property that is not optional.
	whole bool
	file  string
	line0 int // page line of the body's first line
	diags *model.Diagnostics
}

func (pc *pageCheck) at(line int) model.Pos { return model.Pos{File: pc.file, Line: pc.line0 + line} }

func (pc *pageCheck) report(line int, code model.Code, format string, args ...any) {
	pc.diags.Report(pc.at(line), code, format, args...)
}

// Check checks every example of an API page.
func (c *Checker) Check(page *model.APIPage) model.Diagnostics {
	var diags model.Diagnostics
	for i, ex := range page.Examples {
		if !ex.HasFence {
			diags.Report(ex.Pos, model.APIExampleNoBlock, "%s annotation is not followed by a code block", ex.Kind)
			continue
		}
		switch ex.Kind {
		case model.ResponseExample:
			c.checkResponse(page.Path, ex, &diags)
		case model.RequestExample:
			c.checkRequest(page.Path, ex, responseOf(page.Examples, i), &diags)
		}
	}
	return diags
}

// responseOf is the response that answers the request at index i: the
// next response example before another request.
func responseOf(examples []*model.APIExample, i int) *model.APIExample {
	for _, ex := range examples[i+1:] {
		if ex.Kind == model.RequestExample {
			return nil
		}
		if ex.HasFence {
			return ex
		}
	}
	return nil
}

// jsonBody parses an example's body if it claims to be JSON: its
// Content-Type says so, or it has none and the body opens like JSON.
// A body JSON only after a repair is reported and used.
func (c *Checker) jsonBody(file string, ex *model.APIExample, claimsType bool, diags *model.Diagnostics) *node {
	trimmed := strings.TrimSpace(string(ex.Body))
	if trimmed == "" {
		return nil
	}
	if ex.ContentType != "" && !strings.Contains(ex.ContentType, "json") {
		return nil // text, images, multipart: not JSON by their own word
	}
	first := trimmed[0]
	if ex.ContentType == "" && first != '{' && first != '[' && !claimsType {
		return nil // a body with no type, no media type and no JSON look
	}
	root, repairs, err := parseJSON(ex.Body)
	if err != nil {
		se := err.(*syntaxErr)
		diags.Report(model.Pos{File: file, Line: ex.BodyLine + se.line, Col: se.col}, model.APIBodyNotJSON, "%s body is not JSON: %s", ex.Kind, se.msg)
		return nil
	}
	for _, r := range repairs {
		diags.Report(model.Pos{File: file, Line: ex.BodyLine + r.line, Col: r.col}, model.APIBodyRepaired, "%s body is JSON only after a repair: %s", ex.Kind, r.what)
	}
	return root
}

func (c *Checker) checkResponse(file string, ex *model.APIExample, diags *model.Diagnostics) {
	var want valueType
	known := false
	if ex.Type != "" && c.typed {
		if want, known = c.resolveName(ex.Type); !known {
			diags.Report(ex.TypePos, model.APITypeUnknown, "response annotation names %s, which no resource page defines", ex.Type)
		}
	}
	root := c.jsonBody(file, ex, ex.Type != "", diags)
	if root == nil || !known || ex.IsEmpty {
		return
	}
	c.checked[model.ResponseExample].Add(1)
	pc := &pageCheck{c: c, file: file, line0: ex.BodyLine, diags: diags, whole: !ex.Truncated}
	if want.collection && !ex.IsCollection {
		// Collection(X) in the annotation means isCollection.
		ex.IsCollection = true
	}
	want = want.single()
	if ex.IsCollection {
		value := root.get("value")
		switch {
		case root.kind == jsonArray:
			pc.report(root.line, model.APICollectionMismatch, "response is a bare array; a collection of %s is sent as {\"value\": [...]}", want)
			pc.checkElems("", root, want)
		case root.kind != jsonObject:
			pc.report(root.line, model.APIKindMismatch, "response is %s; a collection of %s is an object with a value array", root.kind, want)
		case value == nil:
			pc.report(root.line, model.APICollectionMismatch, "annotation says isCollection but the response has no value array")
		case value.kind != jsonArray:
			if value.kind != jsonNull {
				pc.report(value.line, model.APICollectionMismatch, "annotation says isCollection but value is %s, not an array of %s", value.kind, want)
			}
		default:
			pc.topLevel(root)
			pc.checkElems("value", value, want)
		}
		return
	}
	// A value wrapper where the type has no value property of its own.
	if value := root.get("value"); root.kind == jsonObject && value != nil && isValueWrapper(root) && (want.typ == nil || !hasField(want.typ, "value")) {
		switch {
		case value.kind == jsonArray:
			pc.report(value.line, model.APICollectionMismatch, "response holds a value array, a collection, where the annotation documents one %s (isCollection missing?)", want)
			return
		case value.kind == jsonObject && want.typ != nil:
			// One entity wrapped as a primitive result is; Graph sends the
			// entity itself. What is inside is still checked.
			pc.report(value.line, model.APIPropertyUnknown, "response wraps one %s in a value member; Graph sends it bare, as the object itself (read as the object inside)", want)
			pc.check("value", value, want)
			return
		}
	}
	if root.kind == jsonObject && want.typ == nil {
		// A primitive or enum result comes as {"value": x}.
		if value := root.get("value"); value != nil {
			pc.topLevel(root)
			pc.check("value", value, want)
		}
		return
	}
	pc.check("", root, want)
}

// isValueWrapper reports whether an object holds only value and
// annotations: the shape of a collection response.
func isValueWrapper(n *node) bool {
	for _, m := range n.members {
		if m.key != "value" && !strings.Contains(m.key, "@") {
			return false
		}
	}
	return true
}

// topLevel reports the keys of a collection (or value) wrapper that are
// neither value nor annotations.
func (pc *pageCheck) topLevel(root *node) {
	for _, m := range root.members {
		if m.key != "value" && !strings.Contains(m.key, "@") {
			pc.report(m.line, model.APIPropertyUnknown, "response wrapper has %q beside value; only value and annotations (@odata.nextLink...) belong there", m.key)
		}
	}
}

func (pc *pageCheck) checkElems(path string, arr *node, want valueType) {
	for i, e := range arr.elems {
		pc.check(fmt.Sprintf("%s[%d]", path, i), e, want)
	}
}

// checkRequest checks a request body whose type can be known: the
// annotation names it, or the request creates (POST, answered 201) or
// updates (PATCH or PUT, answered 200) the single entity its response
// documents. Anything else is not checked: an action's parameters are no
// resource.
func (c *Checker) checkRequest(file string, ex *model.APIExample, resp *model.APIExample, diags *model.Diagnostics) {
	var want valueType
	known := false
	switch {
	case strings.HasPrefix(strings.ToLower(ex.Type), "requestbodyresourcefor."):
		// ApiDoctor's name for a body it builds from the parameter table:
		// no resource page defines it, and docgen does not read those tables.
	case ex.Type != "" && c.typed:
		if want, known = c.resolveName(ex.Type); !known {
			diags.Report(ex.TypePos, model.APITypeUnknown, "request annotation names %s, which no resource page defines", ex.Type)
		}
	case !c.typed:
	default:
		// The path, walked through the model, says best what a request
		// creates or updates; failing that, the entity its response returns.
		if vt, ok := c.pathType(ex.URL); ok {
			switch {
			case ex.Method == "POST" && vt.collection:
				want, known = vt.single(), true
			case (ex.Method == "PATCH" || ex.Method == "PUT") && !vt.collection:
				want, known = vt, true
			}
			break
		}
		if resp != nil && resp.Type != "" && !resp.IsCollection &&
			(ex.Method == "POST" && resp.Status == 201 && c.namesCollection(ex.URL) || (ex.Method == "PATCH" || ex.Method == "PUT") && resp.Status == 200) {
			want, known = c.resolveName(resp.Type)
			known = known && want.typ != nil && !want.collection
		}
	}
	if ex.Method != "POST" && ex.Method != "PATCH" && ex.Method != "PUT" {
		return
	}
	root := c.jsonBody(file, ex, known, diags)
	if root == nil || !known {
		return
	}
	c.checked[model.RequestExample].Add(1)
	pc := &pageCheck{c: c, file: file, line0: ex.BodyLine, diags: diags}
	pc.check("", root, want)
}

func hasAnyField(t *model.Type) bool {
	for b := t; b != nil; b = b.Base {
		if len(b.Fields) > 0 {
			return true
		}
	}
	return false
}

func hasField(t *model.Type, name string) bool {
	for b := t; b != nil; b = b.Base {
		if slices.ContainsFunc(b.Fields, func(f *model.Field) bool { return f.Name == name }) {
			return true
		}
	}
	return false
}

// check checks one value against its documented type; path names it for
// messages ("" for the body itself).
func (pc *pageCheck) check(path string, n *node, want valueType) {
	if n.kind == jsonNull {
		return // null clears a property, or is its value
	}
	if want.primitive == "Edm.Untyped" || want.primitive == "Edm.Json" || want.primitive == "Edm.Stream" || strings.HasPrefix(want.primitive, "Edm.Geo") {
		return
	}
	if want.collection {
		if n.kind != jsonArray {
			pc.report(n.line, model.APICollectionMismatch, "%s is %s where a collection of %s is documented", name(path), n.kind, want.single())
			return
		}
		pc.checkElems(path, n, want.single())
		return
	}
	if n.kind == jsonArray {
		pc.report(n.line, model.APICollectionMismatch, "%s is an array where one %s is documented", name(path), want)
		return
	}
	switch {
	case want.typ != nil:
		if n.kind != jsonObject {
			pc.report(n.line, model.APIKindMismatch, "%s is %s (%s) where %s, an object, is documented", name(path), n.kind, snippet(n), want.typ.Name)
			return
		}
		pc.object(path, n, want.typ)
	case want.enum != nil:
		if n.kind != jsonString {
			pc.report(n.line, model.APIKindMismatch, "%s is %s (%s) where %s is documented", name(path), n.kind, snippet(n), enumKind(want.enum))
			return
		}
		pc.enumValue(path, n, want.enum)
	default:
		pc.primitive(path, n, want.primitive)
	}
}

// object checks an object's members against a type and its bases, or the
// derived type its @odata.type names.
func (pc *pageCheck) object(path string, n *node, t *model.Type) {
	unknownDerived := false
	for _, m := range n.members {
		if m.key != "@odata.type" {
			continue
		}
		if m.value.kind != jsonString {
			pc.report(m.line, model.APIKindMismatch, "%s is %s where a type name string is documented", name(join(path, m.key)), m.value.kind)
			continue
		}
		d := pc.c.lookupType(m.value.text)
		switch {
		case d != nil && !spelt(m.value.text, d):
			// @odata.type is case-sensitive on the wire; check on as d.
			pc.report(m.line, model.APIODataTypeUnknown, "%s names %s, which the docs spell %s", name(join(path, m.key)), m.value.text, d.Name)
			t = d
		case d == nil:
			pc.report(m.line, model.APIODataTypeUnknown, "%s names %s, which no resource page defines", name(join(path, m.key)), m.value.text)
			unknownDerived = true
		case !derivesFrom(d, t) && pc.c.provablyNotDerived(d, t):
			pc.report(m.line, model.APIODataTypeNotDerived, "%s names %s, which is not %s nor derived from it", name(join(path, m.key)), d.Name, t.Name)
			unknownDerived = true
		default:
			// Derived, or maybe derived through a base the model lacks
			// (then its properties are checked as far as they are known).
			t = d
		}
	}
	// A type that documents no property at all (externalConnectors
	// .properties) is a bag of whatever its page leaves unsaid.
	open, complete := false, hasAnyField(t)
	fields := map[string]*model.Field{}
	lower := map[string]string{}
	keys := map[string]bool{}
	for b := t; b != nil; b = b.Base {
		open = open || b.Open
		complete = complete && !pc.c.incomplete[b]
		// A keyProperty no table lists (DG044 on the resource page) is
		// still the entity's key, not an unknown property.
		keys[b.Key] = b.Key != ""
		for _, f := range b.Fields {
			if _, ok := fields[f.Name]; !ok {
				fields[f.Name] = f
				lower[strings.ToLower(f.Name)] = f.Name
			}
		}
	}
	for _, m := range n.members {
		if strings.Contains(m.key, "@") {
			continue // an annotation: @odata.etag, manager@odata.bind, @microsoft.graph.conflictBehavior
		}
		f := fields[m.key]
		if f == nil {
			if !open && complete && !unknownDerived && !keys[m.key] {
				hint := ""
				if other, ok := lower[strings.ToLower(m.key)]; ok {
					hint = fmt.Sprintf(" (it has %q: letter case differs)", other)
				}
				pc.report(m.line, model.APIPropertyUnknown, "%s: %s has no property %q, nor do its base types%s", where(path), t.Name, m.key, hint)
			}
			continue
		}
		pc.check(join(path, m.key), m.value, fieldType(f.Type))
	}
	if pc.whole && complete && !open && !unknownDerived && isItem(path) {
		pc.missing(path, n, t)
	}
}

// isItem reports whether path names the response itself or an item of its
// value array: the objects a response annotation describes.
func isItem(path string) bool {
	return path == "" || strings.HasPrefix(path, "value[") && !strings.ContainsAny(path[len("value["):], ".[")
}

// missing reports the documented properties a whole (not truncated)
// response item lacks: not navigation properties, which come only when
// expanded, and not those optionalProperties names.
func (pc *pageCheck) missing(path string, n *node, t *model.Type) {
	have := map[string]bool{}
	for _, m := range n.members {
		have[m.key] = true
	}
	var lacks []string
	seen := map[string]bool{}
	for b := t; b != nil; b = b.Base {
		for _, f := range b.Fields {
			if seen[f.Name] || f.Navigation || strings.Contains(f.Name, "@") {
				continue
			}
			seen[f.Name] = true
			optional := false
			for o := t; o != nil && !optional; o = o.Base {
				optional = pc.c.optional[o][f.Name]
			}
			if !have[f.Name] && !optional {
				lacks = append(lacks, f.Name)
			}
		}
	}
	if len(lacks) > 0 {
		pc.report(n.line, model.APIPropertyMissing, "%s lacks %s of %s; the response is not marked truncated", name(path), quoteList(lacks), t.Name)
	}
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// spelt reports whether an @odata.type value names t as the docs spell
// it, qualified or (for microsoft.graph) bare.
func spelt(value string, t *model.Type) bool {
	v := strings.TrimPrefix(strings.TrimSpace(value), "#")
	return v == t.Name || v == t.ShortName() && t.Namespace() == "microsoft.graph" || slices.Contains(t.Aliases, v)
}

// provablyNotDerived reports whether the docs show that d does not derive
// from t: d's documented chain of bases is complete and misses t, or d is
// a base of t. A root type proves nothing: many annotations omit baseType.
func (c *Checker) provablyNotDerived(d, t *model.Type) bool {
	return c.chainKnown(d) && (d.Base != nil || derivesFrom(t, d))
}

// chainKnown reports whether every base above t is documented: only then
// is "not derived" a finding.
func (c *Checker) chainKnown(t *model.Type) bool {
	for b := t; b != nil; b = b.Base {
		if c.incomplete[b] {
			return false
		}
	}
	return true
}

func derivesFrom(d, t *model.Type) bool {
	for b := d; b != nil; b = b.Base {
		if b == t {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func name(path string) string {
	if path == "" {
		return "the body"
	}
	return path
}

func where(path string) string {
	if path == "" {
		return "body"
	}
	return path
}

// snippet shows a scalar value as written, shortened.
func snippet(n *node) string {
	switch n.kind {
	case jsonString:
		s := n.text
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return fmt.Sprintf("%q", s)
	case jsonObject:
		return "{...}"
	case jsonArray:
		return "[...]"
	}
	return n.text
}

// enumName names an enum in messages; docgen's name for values a
// property lists in prose is no name the docs use.
func enumName(e *model.Enum) string {
	if e.Owner != nil {
		return fmt.Sprintf("the values documented for %s.%s", e.Owner.Name, e.Property)
	}
	return "the members of enum " + e.Name
}

// enumKind says what an enum-typed value must be.
func enumKind(e *model.Enum) string {
	if e.Owner != nil {
		return fmt.Sprintf("a string (a value listed for %s.%s)", e.Owner.Name, e.Property)
	}
	return "enum " + e.Name + ", a string,"
}

// enumValue checks a string against an enum's documented members: one
// member, or for a flags value several joined by commas.
func (pc *pageCheck) enumValue(path string, n *node, e *model.Enum) {
	if len(e.Members) == 0 {
		return
	}
	var missing []string
	hint := ""
	for part := range strings.SplitSeq(n.text, ",") {
		part = strings.TrimSpace(part)
		found := false
		for _, m := range e.Members {
			if m.Name == part {
				found = true
				break
			}
			if strings.EqualFold(m.Name, part) {
				hint = fmt.Sprintf(" (%q differs in letter case)", m.Name)
			}
		}
		if !found {
			missing = append(missing, part)
		}
	}
	if len(missing) > 0 {
		pc.report(n.line, model.APIEnumValue, "%s is %q, not one of %s%s", name(path), strings.Join(missing, ","), enumName(e), hint)
	}
}
