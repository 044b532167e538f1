// Package emit turns a resolved model.Schema into Go source with jennifer:
// one file per input page, each type a struct with doc comments, typed
// string enums, and JSON codecs built on the graphrt runtime package.
// Nothing here knows about markdown.
package emit

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/format"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/docgen/model"
)

// RuntimePath is the import path of the package generated code calls.
const RuntimePath = "github.com/graphdocgen/docgen/graphrt"

// Options shape the output.
type Options struct {
	Package   string // Go package name
	Localized bool   // doc comments in the page's own language where it has one
	// Formatted, when set, is offered each file's Key before the file is
	// made; returning the bytes a previous run made from that key skips
	// rendering and formatting it (see outdir.Cache). Called from every
	// core at once.
	Formatted func(key [32]byte) ([]byte, bool)
	// Done, when set, is called with each file as soon as it is made, from
	// the goroutine that made it (docgen stages the file then, while the
	// others are still being made). The files Generate returns then have
	// no Content, which Done has had: the output of a large run is not all
	// held at once (for the corpus, about 3 MB less at the peak).
	Done func(File)
}

// File is one generated Go file.
type File struct {
	Name    string // base name, e.g. asyncjobstatus_gen.go
	Page    string // the page it comes from, as given
	Content []byte
	// Key hashes what the file is made from: every fact its rendering
	// reads (pageKey, registryKey). The same Key always gives the same
	// Content, from the same build of docgen. Zero when unknown.
	Key [32]byte
}

// Generate renders every page of the schema. The result is sorted by Name
// and the same schema always gives the same bytes.
func Generate(s *model.Schema, opts Options) ([]File, error) {
	return Name(s).Generate(opts)
}

// Names is a schema with every Go name settled, so that the collisions
// reported (NameCollisions) and the code generated come from one naming,
// done once.
type Names struct {
	s    *model.Schema
	g    *generator
	used bool
}

// Name settles the Go names of s.
func Name(s *model.Schema) *Names { return &Names{s: s, g: newGenerator(s, Options{})} }

// Collisions is NameCollisions for the schema named.
func (n *Names) Collisions() model.Diagnostics { return n.g.collisions }

// Generate is the package's Generate for the schema named; it may be
// called once.
func (n *Names) Generate(opts Options) ([]File, error) {
	if n.used {
		return nil, errors.New("emit: Names.Generate called twice")
	}
	n.used = true
	return n.g.generate(n.s, opts, false)
}

// generateFiles is Generate; with raw, each File holds the unformatted
// source instead (jennifer's output with its imports grouped), for the
// tests that compare the ways of formatting it.
func generateFiles(s *model.Schema, opts Options, raw bool) ([]File, error) {
	return newGenerator(s, opts).generate(s, opts, raw)
}

func (g *generator) generate(s *model.Schema, opts Options, raw bool) ([]File, error) {
	g.opts = opts
	g.raw = raw
	pages := map[string]*pageOut{}
	page := func(path string) *pageOut {
		p, ok := pages[path]
		if !ok {
			p = &pageOut{path: path}
			pages[path] = p
		}
		return p
	}
	for _, t := range s.Types {
		p := page(t.Page)
		p.types = append(p.types, t)
	}
	for _, e := range s.Enums {
		p := page(e.Page)
		p.enums = append(p.enums, e)
	}

	// Names are settled above; pages render independently, on every core.
	fileNames := newNamespace(0)
	// The registry's name is claimed first, so it never depends on which
	// pages exist.
	registryName := fileNames.claim("registry") + "_gen.go"
	paths := sortedKeys(pages)
	files := make([]File, len(paths))
	for i, path := range paths {
		files[i] = File{Name: fileNames.claim(fileBase(path)) + "_gen.go", Page: path}
	}
	errs := make([]error, len(paths))
	registry := File{Name: registryName, Page: commonDir(paths)}
	var registryErr error
	withRegistry := len(s.Types) > 0
	// Largest first (the registry, then pages by size), so that no big
	// file is left to format on one core while the other sits idle.
	order := make([]int, len(paths))
	weight := make([]int, len(paths))
	for i, path := range paths {
		order[i] = i
		for _, t := range pages[path].types {
			weight[i] += 1 + len(t.Fields)
		}
		for _, e := range pages[path].enums {
			weight[i] += 1 + len(e.Members)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight[b], weight[a]) })
	// Workers take the next job themselves (a channel would wake a
	// goroutine per file): the registry first, then the pages in order.
	const registryJob = -1
	if withRegistry {
		order = append([]int{registryJob}, order...)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(paths), 1)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(order); k = int(next.Add(1) - 1) {
				i := order[k]
				if i == registryJob {
					registry.Content, registry.Key, registryErr = g.registryFile(s, paths)
					if registryErr == nil && opts.Done != nil && !raw {
						opts.Done(registry)
						registry.Content = nil
					}
					continue
				}
				// The package comment goes in the registry, or in the
				// first file when there is none.
				files[i].Content, files[i].Key, errs[i] = g.render(pages[paths[i]], i == 0 && !withRegistry)
				if errs[i] == nil && opts.Done != nil && !raw {
					opts.Done(files[i])
					files[i].Content = nil
				}
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", paths[i], err)
		}
	}
	if withRegistry {
		if registryErr != nil {
			return nil, fmt.Errorf("%s: %w", registryName, registryErr)
		}
		files = append(files, registry)
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return files, nil
}

type pageOut struct {
	path  string
	types []*model.Type
	enums []*model.Enum
}

// fileBase is a page's file name reduced to lower-case letters, digits and
// underscores: asyncjobstatus.es-ES.md becomes asyncjobstatus_es_es.
func fileBase(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

type generator struct {
	opts        Options
	typeNames   map[*model.Type]string
	enumNames   map[*model.Enum]string
	consts      map[*model.Enum][]string
	valuesFuncs map[*model.Enum]string
	fields      map[*model.Field]string
	// poly holds, for each type with derived types, its Kind interface and
	// codecs (see poly.go).
	poly map[*model.Type]*polyBase
	// nested holds the types some field holds by pointer or in a slice:
	// their tables carry Size and New.
	nested        map[*model.Type]bool
	registryNew   string
	registryNames string
	// collisions reports every name that had to take a numeric suffix.
	collisions model.Diagnostics
	raw        bool // leave the source unformatted (generateFiles)
	// goNames memoizes goName while names are settled (on one goroutine):
	// every type names the fields of all its bases again.
	goNames map[string]string
}

// goName is the package's goName, memoized; for newGenerator only.
func (g *generator) goName(s string) string {
	name, ok := g.goNames[s]
	if !ok {
		name = goName(s)
		g.goNames[s] = name
	}
	return name
}

// NameCollisions reports (DG045) every Go name that emit gives a numeric
// suffix because another name maps to the same identifier: the very
// naming Generate uses, so the report and the output cannot disagree.
func NameCollisions(s *model.Schema) model.Diagnostics {
	return Name(s).Collisions()
}

// newGenerator settles every Go name up front, in a fixed order, so a name
// never depends on which page happens to be rendered first.
func newGenerator(s *model.Schema, opts Options) *generator {
	// Maps sized up front: growing them showed in profiles of warm runs.
	fields, members := 0, 0
	for _, t := range s.Types {
		fields += len(t.Fields)
	}
	for _, e := range s.Enums {
		members += len(e.Members)
	}
	g := &generator{
		opts:        opts,
		typeNames:   make(map[*model.Type]string, len(s.Types)),
		enumNames:   make(map[*model.Enum]string, len(s.Enums)),
		consts:      make(map[*model.Enum][]string, len(s.Enums)),
		valuesFuncs: make(map[*model.Enum]string, len(s.Enums)),
		fields:      make(map[*model.Field]string, fields),
		goNames:     make(map[string]string, fields/2+members),
	}
	pkg := newNamespace(2*len(s.Types) + 2*len(s.Enums) + members + 2)
	claim := func(ns *namespace, name string, c claimant) string {
		return ns.claimFor(name, c, &g.collisions)
	}
	// microsoft.graph types claim their plain names before sub-namespaces do.
	ordered := slices.Clone(s.Types)
	slices.SortStableFunc(ordered, func(a, b *model.Type) int {
		return cmp.Compare(nsRank(a.Namespace()), nsRank(b.Namespace()))
	})
	for _, t := range ordered {
		g.typeNames[t] = claim(pkg, qualifiedGoName(t.Namespace(), t.ShortName()), claimant{what: "type ", owner: t.Name, pos: t.Pos})
	}
	for _, e := range s.Enums {
		if e.Owner != nil {
			g.enumNames[e] = claim(pkg, g.ownerName(e)+goName(e.Property), claimant{what: "enum of ", owner: e.Owner.Name, member: e.Property, pos: e.Pos})
		} else {
			g.enumNames[e] = claim(pkg, qualifiedGoName(namespaceOf(e.Name), e.Name[len(namespaceOf(e.Name))+1:]), claimant{what: "enum ", owner: e.Name, pos: e.Pos})
		}
	}
	for _, e := range s.Enums {
		g.valuesFuncs[e] = claim(pkg, g.enumNames[e]+"Values", claimant{what: "the values function of enum ", owner: e.Name, pos: e.Pos})
	}
	for _, e := range s.Enums {
		for _, m := range e.Members {
			pos := m.Pos
			if pos.Line <= 0 {
				pos = e.Pos
			}
			g.consts[e] = append(g.consts[e], claim(pkg, g.enumNames[e]+g.goName(m.Name), claimant{owner: e.Name, member: m.Name, pos: pos, enumMember: true}))
		}
	}
	g.namePolymorphism(s, pkg)
	g.nested = map[*model.Type]bool{}
	scope := newNamespace(64) // one for every struct, emptied in between
	for _, t := range s.Types {
		g.nameFields(t, scope)
		for _, f := range t.Fields {
			if ft := f.Type.Type; ft != nil && g.poly[ft] == nil {
				g.nested[ft] = true
			}
		}
	}
	g.goNames = nil // rendering runs on every core; it calls goName itself
	return g
}

func nsRank(ns string) int {
	if ns == "microsoft.graph" {
		return 0
	}
	return 1
}

func namespaceOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return ""
}

// qualifiedGoName keeps sub-namespace types apart from microsoft.graph ones:
// microsoft.graph.callRecords.session becomes CallRecordsSession.
func qualifiedGoName(ns, short string) string {
	prefix := strings.TrimPrefix(strings.TrimPrefix(ns, "microsoft.graph"), ".")
	if ns != "microsoft.graph" && prefix == ns {
		prefix = ns // a namespace outside microsoft.graph keeps all of it
	}
	if prefix == "" {
		return goName(short)
	}
	return goName(prefix) + goName(short)
}

// nameFields gives each field a Go name unique within its struct, including
// the names promoted from embedded bases and the codec methods.
func (g *generator) nameFields(t *model.Type, scope *namespace) {
	scope.reset()
	for _, m := range []string{"AdditionalData", "MarshalJSON", "UnmarshalJSON"} {
		scope.reserve(m, claimant{what: "the generated ", owner: m})
	}
	for b := t.Base; b != nil; b = b.Base {
		scope.reserve(g.typeNames[b], claimant{what: "the embedded base ", owner: b.Name, pos: b.Pos})
		for _, f := range b.Fields {
			scope.reserve(g.goName(f.Name), claimant{what: "the inherited property ", owner: b.Name, member: f.Name, pos: f.Pos})
		}
	}
	for b := t; b != nil; b = b.Base {
		if p := g.poly[b]; p != nil {
			scope.reserve(p.getter, claimant{what: "the promoted ", owner: p.getter}) // defined on a base
		}
	}
	for _, f := range t.Fields {
		g.fields[f] = scope.claimFor(g.goName(f.Name), claimant{what: "property ", owner: t.Name, member: f.Name, pos: f.Pos}, &g.collisions)
	}
}

// render is the page's file and its key (pageKey).
func (g *generator) render(p *pageOut, packageDoc bool) ([]byte, [32]byte, error) {
	return g.produce(p.path+".go", func() [32]byte { return g.pageKey(p, packageDoc) },
		func(sc *scratch) ([]byte, error) { return g.source(p, packageDoc, &splicer{g: g}, true, sc) })
}

// produce is a file and its key. A file the last run made from the same key
// is taken from Options.Formatted as it is; any other is rendered by source
// into a scratch buffer and formatted. Raw (for tests), it is the source
// with its imports grouped, and no key.
func (g *generator) produce(name string, key func() [32]byte, source func(sc *scratch) ([]byte, error)) ([]byte, [32]byte, error) {
	if g.raw {
		src, err := source(new(scratch))
		return groupImports(nil, src), [32]byte{}, err
	}
	k := key()
	if g.opts.Formatted != nil {
		if out, ok := g.opts.Formatted(k); ok {
			return out, k, nil
		}
	}
	sc := getScratch()
	defer putScratch(sc)
	src, err := source(sc)
	if err != nil {
		return nil, k, err
	}
	out, err := g.format(src, name, sc)
	return out, k, err
}

// source is the page's file as jennifer renders it, unformatted; with sp,
// a resource's fields and table entries from chunkAbove on are rendered in
// chunks and spliced in, and with markers the direct items are filled in
// after jennifer has rendered the rest (direct.go). The source is rendered
// in sc.
func (g *generator) source(p *pageOut, packageDoc bool, sp *splicer, markers bool, sc *scratch) ([]byte, error) {
	f := newFile(g.opts.Package, markers)
	f.HeaderComment("Code generated by docgen from " + filepath.ToSlash(p.path) + ". DO NOT EDIT.")
	if packageDoc {
		g.packageComment(f, filepath.ToSlash(filepath.Dir(p.path)))
	}
	f.ImportName(RuntimePath, "graphrt")
	for _, t := range p.types {
		g.structType(f, t, sp)
		g.codecs(f, t, sp)
		if g.poly[t] != nil {
			g.polyDecls(f, t)
		}
	}
	for _, e := range p.enums {
		g.enumType(f, e)
	}
	src, err := f.rawSource(&sc.tree)
	if err != nil {
		return nil, err
	}
	if sp != nil && len(sp.jobs) > 0 {
		if err := sp.run(); err != nil {
			return nil, err
		}
		spliced, ok := sp.splice(src)
		if !ok {
			return g.source(p, packageDoc, nil, markers, sc) // not as expected: the whole tree
		}
		splicedFiles.Add(1)
		src = spliced
	}
	if f.items == nil {
		return src, nil
	}
	if !f.items.fill(&sc.src, src) {
		// A stray marker byte: the items inline, with chunks of their own
		// (sp's are this attempt's).
		declinedFills.Add(1)
		if sp != nil {
			sp = &splicer{g: g}
		}
		return g.source(p, packageDoc, sp, false, sc)
	}
	return sc.src.Bytes(), nil
}

// rawSource renders f into buf without formatting it.
func rawSource(f *jen.File, buf *bytes.Buffer) ([]byte, error) {
	f.NoFormat = true
	buf.Reset()
	if err := f.Render(buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// scratch is what a file is rendered in before it is formatted: jennifer's
// source, the same with the direct items filled in, and that with its
// imports grouped. A worker reuses one for every file, instead of growing
// new buffers for each.
type scratch struct {
	tree    bytes.Buffer
	src     bytes.Buffer
	grouped []byte
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratches.Get().(*scratch) }

// putScratch keeps sc for the next file, unless a huge page grew it.
func putScratch(sc *scratch) {
	if sc.tree.Cap() <= 4<<20 && sc.src.Cap() <= 4<<20 && cap(sc.grouped) <= 4<<20 {
		scratches.Put(sc)
	}
}

// format formats jennifer's output as gofmt does, with the imports grouped
// as goimports groups them (standard library first). jennifer already
// writes every import the code uses, so goimports' own work (which parses
// and prints each file twice) is not needed, and fastFormat gives gofmt's
// bytes without go/format for everything docgen writes.
func (g *generator) format(raw []byte, name string, sc *scratch) ([]byte, error) {
	src := groupImports(sc.grouped[:0], raw)
	if len(src) > 0 && &src[0] != &raw[0] {
		sc.grouped = src
	}
	if out, ok := fastFormat(src); ok {
		return out, nil
	}
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("formatting generated code for %s: %w", name, err)
	}
	return out, nil
}

// packageComment documents the generated package, so that go doc shows
// what it is and where it comes from.
func (g *generator) packageComment(f *file, pagesDir string) {
	if pagesDir == "." {
		pagesDir = "this directory"
	}
	text := fmt.Sprintf("Package %s holds Go types that docgen generated from the Microsoft Graph resource pages in %s: a struct for every resource and complex type, a typed string for every enum, and JSON codecs that keep what they do not know (AdditionalData) and tell a null apart from an absent property (graphrt.Opt).", g.opts.Package, pagesDir)
	if g.registryNew != "" {
		text += fmt.Sprintf(" %s makes a value for an \"@odata.type\" name.", g.registryNew)
	}
	text += " Regenerate it with docgen rather than editing it."
	for _, line := range wrap(text, 76) {
		f.PackageComment(line)
	}
}

// groupImports splits the import block jennifer writes (one sorted list)
// into the standard library and the rest, separated by a blank line, which
// is how goimports groups them; format.Source then sorts each group. It
// returns src when it has nothing to change, else src regrouped in dst.
func groupImports(dst, src []byte) []byte {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src
	}
	start += len("\nimport (\n")
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	end += start + 1
	var std, other [][]byte
	for line := range bytes.SplitSeq(src[start:end], []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if isStdImport(line) {
			std = append(std, line)
		} else {
			other = append(other, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	out := slices.Grow(dst[:0], len(src)+1)
	out = append(out, src[:start]...)
	for _, line := range std {
		out = append(append(out, line...), '\n')
	}
	out = append(out, '\n')
	for _, line := range other {
		out = append(append(out, line...), '\n')
	}
	return append(out, src[end:]...)
}

// isStdImport reports whether an import line (`"path"` or `name "path"`)
// names a standard-library package: goimports' rule, no dot in the path's
// first element.
func isStdImport(line []byte) bool {
	_, path, ok := bytes.Cut(line, []byte{'"'})
	if !ok {
		return false
	}
	first, _, _ := bytes.Cut(path, []byte{'/'})
	return !bytes.ContainsRune(first, '.')
}

func (g *generator) text(t model.Text) string { return t.In(g.opts.Localized) }

func (g *generator) structType(f *file, t *model.Type, sp *splicer) {
	name := g.typeNames[t]
	kind := "complex type"
	if t.EffectiveKey() != "" {
		kind = "entity type"
	}
	intro := fmt.Sprintf("%s is the Graph %s %s", name, kind, t.Name)
	if len(t.Aliases) > 0 {
		intro += " (also known as " + strings.Join(t.Aliases, ", ") + ")"
	}
	comment(f, intro+".")
	if d := g.text(t.Description); d != "" {
		f.Comment("")
		comment(f, d)
	}
	if t.Abstract {
		f.Comment("")
		comment(f, "The type is abstract: the service sends one of its derived types.")
	}
	if directItems.Load() {
		if text, imp, ok := g.structText(t); ok && f.takes(RuntimePath, imp) {
			f.addItem(text, RuntimePath, imp)
			return
		}
	}
	f.Type().Id(name).StructFunc(func(s *jen.Group) {
		if t.Base != nil {
			if directItems.Load() {
				s.Add(f.item(baseFieldText + g.typeNames[t.Base]))
			} else {
				s.Comment(baseFieldDoc)
				s.Id(g.typeNames[t.Base])
			}
		}
		if sp.chunked(t) {
			field := func(f *file, s *jen.Group, fld *model.Field) { g.fieldDecl(f, s, t, fld) }
			s.Comment(sp.add(t.Fields, func(items func(*jen.Group)) jen.Code { return jen.Type().Id("_").StructFunc(items) }, field))
		} else {
			for _, fld := range t.Fields {
				g.fieldDecl(f, s, t, fld)
			}
		}
		if t.Base != nil {
			return // AdditionalData is the root base's, promoted: one per object
		}
		if directItems.Load() && f.takes(RuntimePath) {
			s.Add(f.item(extraFieldText, RuntimePath))
			return
		}
		for _, line := range extraFieldDoc {
			s.Comment(line)
		}
		s.Id("AdditionalData").Qual(RuntimePath, "Extra").Tag(map[string]string{"json": "-"})
	})
}

// fieldDecl is one field of t's struct, with its doc comment.
func (g *generator) fieldDecl(f *file, s *jen.Group, t *model.Type, fld *model.Field) {
	lines := g.fieldDoc(t, fld)
	if directItems.Load() {
		if text, imp, ok := g.fieldText(lines, fld); ok && f.takes(RuntimePath, imp) {
			s.Add(f.item(text, RuntimePath, imp))
			return
		}
	}
	for _, line := range lines {
		s.Comment(line)
	}
	s.Id(g.fields[fld]).Qual(RuntimePath, "Opt").Types(g.goType(fld.Type)).Tag(map[string]string{"json": fld.Name})
}

// fieldDoc is the doc comment of t's field, in lines.
func (g *generator) fieldDoc(t *model.Type, fld *model.Field) []string {
	doc := g.text(fld.Description)
	if fld.Navigation {
		doc = addSentence(doc, "Navigation property: present only when expanded or selected.")
	}
	if fld.Name == t.Key {
		doc = addSentence(doc, "The key of the entity.")
	}
	return wrap(doc, 72)
}

// addSentence appends a sentence to doc, ending doc's last one first when
// the page left it open ("Read-only. Nullable" would otherwise run on
// into the next sentence).
func addSentence(doc, sentence string) string {
	doc = strings.TrimSpace(doc)
	if doc == "" {
		return sentence
	}
	if r, _ := utf8.DecodeLastRuneInString(doc); !strings.ContainsRune(".!?。！？", r) {
		doc += "."
	}
	return doc + " " + sentence
}

// comment writes prose as doc-comment lines, paragraphs kept apart: as
// one direct item, or a jennifer Comment a line.
func comment(f *file, s string) {
	lines := commentLines(s)
	if directItems.Load() && len(lines) > 0 {
		if text, ok := commentText(lines); ok {
			f.addItem(text)
			return
		}
	}
	for _, line := range lines {
		f.Comment(line)
	}
}

// commentLines is prose cut into doc-comment lines, paragraphs kept apart
// by an empty line and lists indented as go/doc lists.
func commentLines(s string) []string {
	var lines []string
	for i, para := range strings.Split(s, "\n\n") {
		if i > 0 {
			lines = append(lines, "")
		}
		if isDocList(para) {
			for _, item := range strings.Split(para, "\n") {
				// "  - text": continuation lines indented under the text.
				marker := item[:strings.IndexByte(item[2:], ' ')+3]
				for j, line := range wrap(item[len(marker):], 76-len(marker)) {
					if j == 0 {
						lines = append(lines, marker+line)
					} else {
						lines = append(lines, strings.Repeat(" ", len(marker))+line)
					}
				}
			}
			continue
		}
		lines = append(lines, wrap(para, 76)...)
	}
	return lines
}

// isDocList: the parser writes a list as lines "  - item" or "  1. item".
func isDocList(para string) bool {
	return strings.HasPrefix(para, "  - ") || len(para) > 4 && strings.HasPrefix(para, "  ") && para[2] >= '0' && para[2] <= '9'
}

// wrap breaks text into lines of at most width characters at spaces (a word
// longer than width stands alone). Text whose words are already apart by
// single spaces, as the parser writes descriptions, is cut into substrings
// of s; other text has its whitespace folded first.
func wrap(s string, width int) []string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if s == "" {
		return nil
	}
	lines := make([]string, 0, len(s)/max(width, 1)+1)
	start := 0
	for i := 0; i < len(s); {
		end := len(s)
		if j := strings.IndexByte(s[i:], ' '); j >= 0 {
			end = i + j
		}
		// Width counts characters, not bytes: a Cyrillic or accented
		// line would wrap early (bytes are never fewer, so they filter).
		if i > start && end-start > width && utf8.RuneCountInString(s[start:end]) > width {
			lines = append(lines, s[start:i-1])
			start = i
		}
		i = end + 1
	}
	return append(lines, s[start:])
}

// singleSpaced reports whether s is words apart by single ASCII spaces,
// without leading or trailing space and without other whitespace.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r', c >= utf8.RuneSelf:
			return false // utf8: unicode.IsSpace knows spaces outside ASCII
		}
	}
	return true
}

// ownerName is the Go name of the type an enum without a name of its own
// was made for: the owner's name in this package, or, when -types kept the
// enum and not its owner, the name the owner would have.
func (g *generator) ownerName(e *model.Enum) string {
	if name, ok := g.typeNames[e.Owner]; ok {
		return name
	}
	return qualifiedGoName(e.Owner.Namespace(), e.Owner.ShortName())
}

func (g *generator) enumType(f *file, e *model.Enum) {
	name := g.enumNames[e]
	if e.Owner != nil {
		comment(f, fmt.Sprintf("%s is the set of values of %s.%s. The docs give the enum no name of its own.", name, g.ownerName(e), goName(e.Property)))
	} else {
		comment(f, fmt.Sprintf("%s is the Graph enum %s.", name, e.Name))
	}
	if d := g.text(e.Description); d != "" {
		f.Comment("")
		comment(f, d)
	}
	f.Comment("")
	comment(f, "Graph adds members over time: a value not listed here decodes without error, re-encodes unchanged, and reports false from IsKnown.")
	if e.Evolvable {
		comment(f, "The enum is evolvable: members after unknownFutureValue are sent only to clients that ask for them with the Prefer: include-unknown-enum-members header.")
	}
	if e.Flags && len(e.Members) > 0 {
		comment(f, "The enum is multi-valued: a value holds one or more members joined by commas (\"a,b\"); Split, Has and With work with them.")
	}
	consts := g.consts[e]
	values := g.valuesFuncs[e]
	list := "valuesOf" + name
	flags := e.Flags && len(consts) > 0
	if flags {
		defer g.flagsFuncs(f, name, consts)
	}
	if directItems.Load() && len(consts) > 0 && !flags {
		if text, ok := g.enumText(e, name, list, values); ok {
			f.addItem(text)
			return
		}
	}
	f.Type().Id(name).String()
	f.Const().DefsFunc(func(d *jen.Group) {
		for i, m := range e.Members {
			lines := wrap(g.text(m.Description), 72)
			if directItems.Load() {
				if text, ok := constText(lines, consts[i], name, m.Name); ok {
					d.Add(f.item(text))
					continue
				}
			}
			for _, line := range lines {
				d.Comment(line)
			}
			d.Id(consts[i]).Id(name).Op("=").Lit(m.Name)
		}
	})
	// One static list serves Values (as a copy) and IsKnown, rather than a
	// switch compiled per enum.
	f.Var().Id(list).Op("=").Index().Id(name).CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
		for _, c := range consts {
			v.Id(c)
		}
	})
	if directItems.Load() && !flags {
		if text, ok := enumFuncsText(values, name, list); ok {
			f.addItem(text)
			return
		}
	}
	comment(f, fmt.Sprintf(valuesDoc, values, name))
	f.Func().Id(values).Params().Index().Id(name).Block(
		jen.Return(jen.Append(jen.Index().Id(name).Values(), jen.Id(list).Op("..."))),
	)
	if flags {
		return // flagsFuncs writes IsKnown
	}
	// A plain loop: slices.Contains would be instantiated once per enum
	// type ([]E has no shape in common with []string).
	comment(f, isKnownDoc)
	f.Func().Params(jen.Id("v").Id(name)).Id("IsKnown").Params().Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id(list)).Block(
			jen.If(jen.Id("k").Op("==").Id("v")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
}

// flagsFuncs writes the methods of a multi-valued enum: IsKnown of every
// member a value holds, and Split, Has and With, which take a value apart
// and put one together as Graph sends it (members joined by commas, no
// spaces; Split also reads the "a, b" some docs show). The code keeps to
// the constructs fastFormat knows (no labels, no binary operators but
// comparisons).
func (g *generator) flagsFuncs(f *file, name string, consts []string) {
	members := make([]jen.Code, len(consts))
	for i, c := range consts {
		members[i] = jen.Id(c)
	}
	comment(f, "IsKnown reports whether v holds one or more members and each is one of the documented values.")
	f.Func().Params(jen.Id("v").Id(name)).Id("IsKnown").Params().Bool().Block(
		jen.If(jen.Id("v").Op("==").Lit("")).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("v").Dot("Split").Call()).Block(
			jen.Switch(jen.Id("m")).Block(
				jen.Case(members...),
				jen.Default().Block(jen.Return(jen.False())),
			),
		),
		jen.Return(jen.True()),
	)
	comment(f, "Split returns the members v holds, in order; none for the empty value.")
	f.Func().Params(jen.Id("v").Id(name)).Id("Split").Params().Index().Id(name).Block(
		jen.If(jen.Id("v").Op("==").Lit("")).Block(jen.Return(jen.Nil())),
		jen.Id("parts").Op(":=").Qual("strings", "Split").Call(jen.String().Call(jen.Id("v")), jen.Lit(",")),
		jen.Id("out").Op(":=").Make(jen.Index().Id(name), jen.Len(jen.Id("parts"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("parts")).Block(
			jen.Id("out").Index(jen.Id("i")).Op("=").Id(name).Call(jen.Qual("strings", "TrimSpace").Call(jen.Id("p"))),
		),
		jen.Return(jen.Id("out")),
	)
	comment(f, "Has reports whether m is one of the members v holds.")
	f.Func().Params(jen.Id("v").Id(name)).Id("Has").Params(jen.Id("m").Id(name)).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("v").Dot("Split").Call()).Block(
			jen.If(jen.Id("k").Op("==").Id("m")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	comment(f, "With returns v holding m too, as Graph writes a multi-valued value: v itself when it already holds m.")
	f.Func().Params(jen.Id("v").Id(name)).Id("With").Params(jen.Id("m").Id(name)).Id(name).Block(
		jen.Switch().Block(
			jen.Case(jen.Id("v").Op("==").Lit("")).Block(jen.Return(jen.Id("m"))),
			jen.Case(jen.Id("m").Op("==").Lit(""), jen.Id("v").Dot("Has").Call(jen.Id("m"))).Block(jen.Return(jen.Id("v"))),
		),
		jen.Return(jen.Id(name).Call(jen.Qual("strings", "Join").Call(
			jen.Index().String().Values(jen.String().Call(jen.Id("v")), jen.String().Call(jen.Id("m"))), jen.Lit(","),
		))),
	)
}

// The doc comments of the fields every struct has.
const baseFieldDoc = "The base type: its properties and AdditionalData are promoted."

var extraFieldDoc = []string{
	"AdditionalData keeps the properties the docs do not list, verbatim",
	"and in the order they arrived, so that nothing is lost on re-encoding.",
}

const (
	valuesDoc  = "%s returns the documented values of %s in documentation order."
	isKnownDoc = "IsKnown reports whether v is one of the documented values."
)

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
