package emit

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"github.com/graphdocgen/docgen/model"
)

// pageKey hashes everything a page's file is rendered from: the options,
// the page's path, and for each of its types and enums every fact that
// structType, codecs, polyDecls and enumType read, the Go names settled
// for the whole schema included. A file whose key is unchanged since the
// last run is taken from that run (Options.Formatted) without being
// rendered. The code that renders is not in the key: the cache that uses
// it belongs to one build of docgen (outdir.Cache).
// TestPageKeyCoversRender changes every kind of fact in a schema, one at a
// time, and fails if a file's bytes change while its key does not: a fact
// read by the renderer and missing here.
func (g *generator) pageKey(p *pageOut, packageDoc bool) [32]byte {
	k := keyBufs.Get().(*keyBuf)
	defer keyBufs.Put(k)
	k.b = k.b[:0]
	k.str("docgen page 1")
	k.str(g.opts.Package)
	k.bool(g.opts.Localized)
	k.bool(packageDoc)
	if packageDoc {
		k.str(g.registryNew) // the package comment names it
	}
	k.str(p.path)
	k.int(len(p.types))
	for _, t := range p.types {
		g.typeKey(k, t)
	}
	k.int(len(p.enums))
	for _, e := range p.enums {
		g.enumKey(k, e)
	}
	return sha256.Sum256(k.b)
}

// keyBufs keeps the buffers keys are built in: grown once per core rather
// than once per page.
var keyBufs = sync.Pool{New: func() any { return &keyBuf{b: make([]byte, 0, 64<<10)} }}

// registryKey is pageKey for the registry: the pages' directory, the
// names the registry claims, and every type's wire names and Go name.
func (g *generator) registryKey(s *model.Schema, pages []string) [32]byte {
	k := keyBuf{b: make([]byte, 0, 64*len(s.Types))}
	k.str("docgen registry 1")
	k.str(g.opts.Package)
	k.str(commonDir(pages))
	k.str(g.registryNew)
	k.str(g.registryNames)
	k.int(len(s.Types))
	for _, t := range s.Types {
		k.str(t.Name)
		k.strs(t.Aliases)
		k.str(g.typeNames[t])
	}
	return sha256.Sum256(k.b)
}

func (g *generator) typeKey(k *keyBuf, t *model.Type) {
	k.str(t.Name)
	k.str(g.typeNames[t])
	k.str(t.Key)
	k.str(t.EffectiveKey())
	k.strs(t.Aliases)
	k.str(g.text(t.Description))
	k.bool(t.Abstract)
	k.bool(t.Base != nil)
	if t.Base != nil {
		k.str(g.typeNames[t.Base])
	}
	k.int(len(t.Fields))
	for _, f := range t.Fields {
		k.str(f.Name)
		k.str(g.fields[f])
		k.str(g.text(f.Description))
		k.bool(f.Navigation)
		g.fieldTypeKey(k, f.Type)
	}
	p := g.poly[t]
	k.bool(p != nil)
	if p != nil {
		k.str(p.kind)
		k.str(p.getter)
		k.str(p.encode)
		k.str(p.decode)
		k.int(len(p.derived))
		for _, d := range p.derived {
			k.str(d.Name)
			k.strs(d.Aliases)
			k.str(g.typeNames[d])
		}
	}
}

func (g *generator) fieldTypeKey(k *keyBuf, ft model.FieldType) {
	k.str(ft.Primitive)
	k.bool(ft.Collection)
	k.bool(ft.Type != nil)
	if ft.Type != nil {
		k.str(g.typeNames[ft.Type])
		k.bool(g.poly[ft.Type] != nil)
		if p := g.poly[ft.Type]; p != nil {
			k.str(p.kind)
		}
	}
	k.bool(ft.Enum != nil)
	if ft.Enum != nil {
		k.str(g.enumNames[ft.Enum])
	}
}

func (g *generator) enumKey(k *keyBuf, e *model.Enum) {
	k.str(e.Name)
	k.str(g.enumNames[e])
	k.bool(e.Owner != nil)
	if e.Owner != nil {
		k.str(g.ownerName(e))
		k.str(e.Property)
	}
	k.str(g.text(e.Description))
	k.bool(e.Evolvable)
	k.bool(e.Flags)
	k.str(g.valuesFuncs[e])
	k.strs(g.consts[e])
	k.int(len(e.Members))
	for _, m := range e.Members {
		k.str(m.Name)
		k.str(g.text(m.Description))
	}
}

// keyBuf collects the facts a key hashes, each length-prefixed so that no
// two lists of facts write the same bytes.
type keyBuf struct{ b []byte }

func (k *keyBuf) int(n int) { k.b = binary.AppendVarint(k.b, int64(n)) }

func (k *keyBuf) str(s string) {
	k.int(len(s))
	k.b = append(k.b, s...)
}

func (k *keyBuf) strs(ss []string) {
	k.int(len(ss))
	for _, s := range ss {
		k.str(s)
	}
}

func (k *keyBuf) bool(v bool) {
	if v {
		k.b = append(k.b, 1)
	} else {
		k.b = append(k.b, 0)
	}
}
