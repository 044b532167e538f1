package graphrt

import "encoding/json"

// Body is a JSON object a program writes itself, such as the parameters of
// an action that no generated type describes. [Opt] has no MarshalJSON (see
// there why), so a struct of the program's own with Opt fields does not
// encode the way Graph reads it; a Body does: it holds the members that are
// set, nulls included, in the order they were set, and nothing else.
//
//	var body graphrt.Body
//	body.Set("message", msg).Set("saveToSentItems", false)
//	b, err := json.Marshal(body)
type Body struct {
	members Extra
	err     error
}

// Set sets member name to v, encoded with json.Marshal (generated types,
// wire types, strings, numbers, maps ...). Setting a name again replaces
// its value in place. An encoding error is returned by MarshalJSON.
func (b *Body) Set(name string, v any) *Body {
	raw, err := json.Marshal(v)
	if err != nil {
		if b.err == nil {
			b.err = err
		}
		return b
	}
	b.members.Set(name, raw)
	return b
}

// SetNull sets member name to null, which in a PATCH clears the property.
func (b *Body) SetNull(name string) *Body {
	b.members.Set(name, json.RawMessage("null"))
	return b
}

// MarshalJSON writes the members in the order they were first set.
func (b Body) MarshalJSON() ([]byte, error) {
	if b.err != nil {
		return nil, b.err
	}
	e := acquireEncoder()
	e.objectStart()
	for i := range b.members {
		e.buf = e.appendMember(e.buf, &b.members[i])
	}
	e.objectEnd()
	return releaseEncoder(e)
}
