package graphrt

import (
	"bytes"
	"encoding/json"
)

// Member is one property that the docs do not list, kept verbatim.
type Member struct {
	Name  string
	Value json.RawMessage
}

// Extra holds unknown properties in the order they arrived. It is a slice,
// not a map, so re-encoding is stable and deterministic.
type Extra []Member

// extraIndexMin is the size from which Decode stops scanning linearly for a
// repeated name, so a document with many unknown members stays O(n).
const extraIndexMin = 32

// extraIndex maps names to positions in one Extra. first and n identify the
// slice state it was built for; any other state triggers a rebuild. Holding
// first also keeps that backing array alive, so its address cannot be reused
// by a different slice while the index exists.
type extraIndex struct {
	first *Member
	n     int
	pos   map[string]int
}

// decodeMember stores the value of member key (read with rawCompact: verbatim
// but for insignificant whitespace). A repeated name
// replaces the earlier value in place, keeping its original position; this
// matches the last-one-wins rule of encoding/json.
func (x *Extra) decodeMember(d *Decoder, key []byte) error {
	v, err := d.rawCompact()
	if err != nil {
		return err
	}
	if len(*x) < extraIndexMin {
		for i := range *x {
			if (*x)[i].Name == string(key) {
				if err := typeTwice(d, key, (*x)[i].Value, v); err != nil {
					return err
				}
				(*x)[i].Value = v
				return nil
			}
		}
		if *x == nil {
			// Graph objects usually carry a few annotations (@odata.context,
			// @odata.etag, ...); skip the 1-2-4 growth steps.
			*x = make(Extra, 0, 4)
		}
		*x = append(*x, Member{Name: memberName(key), Value: v})
		return nil
	}
	ix := d.extraIndex(x)
	if i, ok := ix.pos[string(key)]; ok {
		if err := typeTwice(d, key, (*x)[i].Value, v); err != nil {
			return err
		}
		(*x)[i].Value = v
		return nil
	}
	name := memberName(key)
	*x = append(*x, Member{Name: name, Value: v})
	ix.pos[name] = len(*x) - 1
	ix.first, ix.n = &(*x)[0], len(*x)
	return nil
}

const (
	odataType    = "@odata.type"
	odataContext = "@odata.context"
)

// typeTwice rejects an object that names two different types: a
// polymorphic slot picks the type from the first "@odata.type" while a
// repeated member replaces the earlier one, so accepting both would decode
// one type and re-encode another.
func typeTwice(d *Decoder, key []byte, old, v []byte) error {
	if string(key) == odataType && !bytes.Equal(old, v) {
		return d.errAt(d.pos, "\"@odata.type\" given twice with different values")
	}
	return nil
}

// memberName returns key as a string; the instance annotations Graph sends
// on nearly every object are constants, so they cost no allocation.
func memberName(key []byte) string {
	switch string(key) {
	case odataType:
		return odataType
	case "@odata.etag":
		return "@odata.etag"
	case odataContext:
		return odataContext
	case "@odata.id":
		return "@odata.id"
	case "@odata.editLink":
		return "@odata.editLink"
	case "@odata.nextLink":
		return "@odata.nextLink"
	case "@odata.deltaLink":
		return "@odata.deltaLink"
	case "@odata.count":
		return "@odata.count"
	case "@odata.mediaContentType":
		return "@odata.mediaContentType"
	case "@odata.mediaEtag":
		return "@odata.mediaEtag"
	case "@microsoft.graph.downloadUrl":
		return "@microsoft.graph.downloadUrl"
	}
	return string(key)
}

// has reports whether a member of that name is present.
func (x Extra) has(name string) bool {
	for i := range x {
		if x[i].Name == name {
			return true
		}
	}
	return false
}

// extraIndex returns an up-to-date name index for x (len(*x) > 0).
func (d *Decoder) extraIndex(x *Extra) *extraIndex {
	ix := d.extras[x]
	if ix != nil && ix.n == len(*x) && ix.first == &(*x)[0] {
		return ix
	}
	if d.extras == nil {
		d.extras = make(map[*Extra]*extraIndex)
	}
	ix = &extraIndex{first: &(*x)[0], n: len(*x), pos: make(map[string]int, 2*len(*x))}
	for i, m := range *x {
		if _, dup := ix.pos[m.Name]; !dup {
			ix.pos[m.Name] = i // first occurrence, as the linear scan finds
		}
	}
	d.extras[x] = ix
	return ix
}

// appendMember writes one kept member; a value that is not valid JSON
// (set by a caller) records an error and is written as null.
func (e *Encoder) appendMember(b []byte, m *Member) []byte {
	b = append(appendString(sep(b), m.Name), ':')
	switch {
	case m.Value == nil: // as json.RawMessage: null
		return append(b, "null"...)
	case valid(m.Value):
		return append(b, m.Value...)
	}
	e.fail(rawError(m.Value))
	return append(b, "null"...)
}

// Get returns the raw value of the named member.
func (x Extra) Get(name string) (json.RawMessage, bool) {
	for _, m := range x {
		if m.Name == name {
			return m.Value, true
		}
	}
	return nil, false
}

// Set replaces the named member's value in place, or appends it.
func (x *Extra) Set(name string, v json.RawMessage) {
	for i := range *x {
		if (*x)[i].Name == name {
			(*x)[i].Value = v
			return
		}
	}
	*x = append(*x, Member{Name: name, Value: v})
}

// Delete removes every member with the given name, keeping the order of the
// rest.
func (x *Extra) Delete(name string) {
	out := (*x)[:0]
	for _, m := range *x {
		if m.Name != name {
			out = append(out, m)
		}
	}
	clear((*x)[len(out):]) // drop references held past the new length
	*x = out
}
