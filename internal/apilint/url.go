package apilint

import (
	"net/url"
	"strings"

	"github.com/graphdocgen/docgen/model"
)

// A request's URL says what its body is when the path can be walked
// through the model: a root entity set or singleton (learned from the GET
// examples of all pages given: GET /users answered by a collection of user
// makes "users" a set of user), then keys and navigation properties. POST to
// a collection creates one of its items; PATCH or PUT to one entity (or a
// complex property) updates it. Anything the walk does not know (an
// action, a function, $ref, a root no GET example shows) stops it.

type root struct {
	vt       valueType
	conflict bool // GET examples disagree: the root is not used
}

// Learn records the roots the GET examples of pages show. Call it before
// Check, with every API page of the run.
func (c *Checker) Learn(pages []*model.APIPage) {
	if !c.typed {
		return
	}
	for _, p := range pages {
		for i, ex := range p.Examples {
			if ex.Kind != model.RequestExample || ex.Method != "GET" {
				continue
			}
			resp := responseOf(p.Examples, i)
			if resp == nil || resp.Type == "" || resp.Status != 200 {
				continue
			}
			segs := pathSegments(ex.URL)
			if len(segs) != 1 {
				continue
			}
			vt, ok := c.resolveName(resp.Type)
			if !ok || vt.typ == nil {
				continue
			}
			name, key := splitKey(segs[0])
			if name == "" || strings.HasPrefix(name, "$") || strings.Contains(name, ".") {
				continue
			}
			switch {
			case key != "" && !resp.IsCollection && !vt.collection:
				vt.collection = true // /users('id') answers one of the set
			case key != "":
				continue
			case resp.IsCollection:
				vt.collection = true
			}
			c.addRoot(strings.ToLower(name), vt)
		}
	}
}

func (c *Checker) addRoot(name string, vt valueType) {
	if c.roots == nil {
		c.roots = map[string]*root{}
	}
	r := c.roots[name]
	switch {
	case r == nil:
		c.roots[name] = &root{vt: vt}
	case r.vt.typ != vt.typ || r.vt.collection != vt.collection:
		r.conflict = true
	}
}

// pathSegments is a URL's path after the service root (/v1.0/, /beta/),
// without its query.
func pathSegments(raw string) []string {
	raw, _, _ = strings.Cut(raw, "?")
	raw, _, _ = strings.Cut(raw, "#")
	for _, v := range []string{"/v1.0/", "/beta/"} {
		if i := strings.Index(raw, v); i >= 0 {
			raw = raw[i+len(v):]
			break
		}
	}
	if strings.Contains(raw, "://") {
		return nil // some other host: not Graph's root
	}
	var segs []string
	for s := range strings.SplitSeq(strings.Trim(raw, "/"), "/") {
		if s == "" {
			return nil
		}
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		segs = append(segs, s)
	}
	return segs
}

// splitKey splits users('id') into users and 'id'.
func splitKey(seg string) (name, key string) {
	i := strings.IndexByte(seg, '(')
	if i < 0 || !strings.HasSuffix(seg, ")") {
		return seg, ""
	}
	return seg[:i], seg[i+1 : len(seg)-1]
}

// pathType walks a request path through the model.
func (c *Checker) pathType(rawURL string) (valueType, bool) {
	segs := pathSegments(rawURL)
	if len(segs) == 0 {
		return valueType{}, false
	}
	name, key := splitKey(segs[0])
	r := c.roots[strings.ToLower(name)]
	if r == nil || r.conflict {
		return valueType{}, false
	}
	cur := r.vt
	if key != "" {
		if !cur.collection {
			return valueType{}, false
		}
		cur.collection = false
	}
	for _, s := range segs[1:] {
		if strings.HasPrefix(s, "$") {
			return valueType{}, false // $ref, $value, $count
		}
		if strings.HasPrefix(s, "{") && !cur.collection {
			return valueType{}, false // a template where no key can stand
		}
		if strings.Contains(s, ".") {
			// A cast to a derived type, or a bound operation's qualified name.
			t := c.lookupType(s)
			if t == nil || cur.typ == nil || !derivesFrom(t, cur.typ) {
				return valueType{}, false
			}
			cur.typ = t
			continue
		}
		if cur.collection {
			if strings.Contains(s, "(") || cur.typ != nil && field(cur.typ, s) != nil {
				return valueType{}, false // a function on the set; a property where a key is due
			}
			cur.collection = false // a key
			continue
		}
		name, key := splitKey(s)
		if cur.typ == nil {
			return valueType{}, false
		}
		f := field(cur.typ, name)
		if f == nil || f.Type.Type == nil {
			return valueType{}, false // an action, a function, a primitive
		}
		cur = fieldType(f.Type)
		if key != "" {
			if !cur.collection {
				return valueType{}, false
			}
			cur.collection = false
		}
	}
	return cur, cur.typ != nil
}

func field(t *model.Type, name string) *model.Field {
	for b := t; b != nil; b = b.Base {
		for _, f := range b.Fields {
			if f.Name == name {
				return f
			}
		}
	}
	return nil
}

// namesCollection reports whether a path ends in a name the model knows
// for a set of entities (a root or a navigation property), not in an
// action's name: only such a POST creates what its 201 response returns.
func (c *Checker) namesCollection(rawURL string) bool {
	segs := pathSegments(rawURL)
	if len(segs) == 0 {
		return false
	}
	name, key := splitKey(segs[len(segs)-1])
	if key != "" {
		return false
	}
	name = strings.ToLower(name)
	if r := c.roots[name]; r != nil && r.vt.collection {
		return true
	}
	return c.collections[name]
}
