package model

import (
	"bytes"
	"encoding/json"
)

// The model dump is the resolved schema as JSON, for tooling and for
// generators in other languages. Its shape is documented in the README;
// change both together.

type dumpSchema struct {
	Types []dumpType `json:"types"`
	Enums []dumpEnum `json:"enums"`
}

type dumpType struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"` // "entity" (has a key, maybe inherited) or "complex"
	BaseType string `json:"baseType,omitempty"`
	// BaseTypeSource is where the base was read: "annotation" or "prose".
	BaseTypeSource string         `json:"baseTypeSource,omitempty"`
	Key            string         `json:"key,omitempty"`
	Open           bool           `json:"open"`
	Abstract       bool           `json:"abstract"`
	Aliases        []string       `json:"aliases,omitempty"`
	Description    string         `json:"description,omitempty"`
	Page           string         `json:"page"`  // the page whose Go file holds the type
	Pages          []string       `json:"pages"` // every page that annotates it
	Properties     []dumpProperty `json:"properties"`
}

type dumpProperty struct {
	Name string `json:"name"`
	Type string `json:"type"` // Edm name or namespace-qualified type/enum name
	// TypeSource is where the type was read: "table" or "sample".
	TypeSource  string `json:"typeSource"`
	Collection  bool   `json:"collection"`
	Navigation  bool   `json:"navigation"`
	Enum        string `json:"enum,omitempty"` // the enum's name when Type is one
	Description string `json:"description,omitempty"`
}

type dumpEnum struct {
	Name        string       `json:"name"`
	Members     []dumpMember `json:"members"`
	Evolvable   bool         `json:"evolvable"`
	Flags       bool         `json:"flags,omitempty"`
	Sources     []string     `json:"sources"`
	Owner       string       `json:"owner,omitempty"`    // for an enum the docs leave unnamed:
	Property    string       `json:"property,omitempty"` // the property it was inferred from
	Description string       `json:"description,omitempty"`
	Page        string       `json:"page"`
}

type dumpMember struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// EffectiveKey returns the type's key property, inherited from a base when it has none.
func (t *Type) EffectiveKey() string {
	for x := t; x != nil; x = x.Base {
		if x.Key != "" {
			return x.Key
		}
	}
	return ""
}

// MarshalDump renders the schema as indented JSON in a fixed order.
func (s *Schema) MarshalDump() ([]byte, error) {
	d := dumpSchema{Types: []dumpType{}, Enums: []dumpEnum{}}
	for _, t := range s.Types {
		dt := dumpType{
			Name: t.Name, Kind: "complex", BaseType: t.BaseName, BaseTypeSource: string(t.BaseSource), Key: t.EffectiveKey(),
			Open: t.Open, Abstract: t.Abstract, Aliases: t.Aliases,
			Description: t.Description.English, Page: t.Page, Pages: t.Pages, Properties: []dumpProperty{},
		}
		if dt.Key != "" {
			dt.Kind = "entity"
		}
		for _, f := range t.Fields {
			dp := dumpProperty{
				Name: f.Name, Type: f.Type.EdmName(), TypeSource: string(f.TypeSource), Collection: f.Type.Collection,
				Navigation: f.Navigation, Description: f.Description.English,
			}
			if f.Type.Enum != nil {
				dp.Enum = f.Type.Enum.Name
			}
			dt.Properties = append(dt.Properties, dp)
		}
		d.Types = append(d.Types, dt)
	}
	for _, e := range s.Enums {
		de := dumpEnum{
			Name: e.Name, Members: []dumpMember{}, Evolvable: e.Evolvable, Flags: e.Flags,
			Property: e.Property, Description: e.Description.English, Page: e.Page,
		}
		if e.Owner != nil {
			de.Owner = e.Owner.Name
		}
		for _, src := range e.Sources {
			de.Sources = append(de.Sources, src.String())
		}
		for _, m := range e.Members {
			de.Members = append(de.Members, dumpMember{Name: m.Name, Description: m.Description.English})
		}
		d.Enums = append(d.Enums, de)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
