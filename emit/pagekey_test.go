package emit

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/graphdocgen/docgen/model"
	"github.com/graphdocgen/docgen/parser"
)

// A change to a schema, and how to take it back.
type schemaChange struct {
	class, what string
	apply       func() (undo func())
}

// schemaChanges lists, for every field of every type in a schema (types,
// fields, field types, enums, members, positions, texts), changes of its
// value at up to three places where the schema has it: strings gain a
// letter, booleans flip, numbers grow, lists gain or lose an element,
// references to types and enums point elsewhere or nowhere, and types and
// enums are dropped. It works by reflection, so a field added to the
// model is changed too, without this test being told.
func schemaChanges(t *testing.T, s *model.Schema) []schemaChange {
	t.Helper()
	var roots []*model.Type
	for _, x := range s.Types {
		if x.Base == nil {
			roots = append(roots, x)
		}
	}
	var all []schemaChange
	add := func(class, what string, v reflect.Value, next reflect.Value) {
		all = append(all, schemaChange{class, what, func() func() {
			old := reflect.New(v.Type()).Elem()
			old.Set(v)
			v.Set(next)
			return func() { v.Set(old) }
		}})
	}
	var walk func(v reflect.Value, class, what string, owner *model.Type)
	walk = func(v reflect.Value, class, what string, owner *model.Type) {
		switch v.Kind() {
		case reflect.String:
			add(class, what, v, reflect.ValueOf(v.String()+"Q").Convert(v.Type()))
		case reflect.Bool:
			add(class, what, v, reflect.ValueOf(!v.Bool()))
		case reflect.Int:
			add(class, what, v, reflect.ValueOf(v.Int()+1).Convert(v.Type()))
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				walk(v.Field(i), class+"."+f.Name, what+"."+f.Name, owner)
			}
		case reflect.Pointer:
			// A pointer held by a struct refers to another type or enum
			// (a base, a field's type, an enum's owner): it is pointed
			// elsewhere, never walked.
			switch ref := v.Interface().(type) {
			case *model.Type:
				add(class+"=nil", what, v, reflect.Zero(v.Type()))
				for _, r := range roots { // a root as the new target: no base cycle
					if r != owner && r != ref {
						add(class+"=other", what+" -> "+r.Name, v, reflect.ValueOf(r))
						break
					}
				}
			case *model.Enum:
				add(class+"=nil", what, v, reflect.Zero(v.Type()))
				for _, e := range s.Enums {
					if e != ref {
						add(class+"=other", what+" -> "+e.Name, v, reflect.ValueOf(e))
						break
					}
				}
			default:
				t.Fatalf("%s is a %s: teach schemaChanges how to change it", class, v.Type())
			}
		case reflect.Slice:
			elem := v.Type().Elem()
			grown := reflect.MakeSlice(v.Type(), 0, v.Len()+1)
			grown = reflect.AppendSlice(grown, v)
			switch {
			case elem.Kind() == reflect.String || elem.Kind() == reflect.Int:
				extra := reflect.New(elem).Elem()
				if elem.Kind() == reflect.String {
					extra.SetString("extraQ")
				}
				add(class+"+1", what, v, reflect.Append(grown, extra))
			case v.Len() > 1:
				swapped := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, v.Len()), v)
				a, b := swapped.Index(0).Interface(), swapped.Index(1).Interface()
				swapped.Index(0).Set(reflect.ValueOf(b))
				swapped.Index(1).Set(reflect.ValueOf(a))
				add(class+"swap", what, v, swapped)
			}
			if v.Len() > 0 {
				add(class+"-1", what, v, v.Slice(0, v.Len()-1))
			}
			// Elements of a list are the list's own: walked.
			for i := range v.Len() {
				e := v.Index(i)
				if e.Kind() == reflect.Pointer {
					if e.IsNil() {
						continue
					}
					e = e.Elem()
				}
				o := owner
				if x, ok := e.Addr().Interface().(*model.Type); ok {
					o = x
				}
				walk(e, class+"[]", fmt.Sprintf("%s[%d]", what, i), o)
			}
		default:
			t.Fatalf("%s is a %s: teach schemaChanges how to change it", class, v.Kind())
		}
	}
	walk(reflect.ValueOf(s).Elem(), "Schema", "schema", nil)

	// Up to three places per class: the first, the middle and the last.
	byClass := map[string][]schemaChange{}
	var classes []string
	for _, c := range all {
		if byClass[c.class] == nil {
			classes = append(classes, c.class)
		}
		byClass[c.class] = append(byClass[c.class], c)
	}
	var out []schemaChange
	for _, class := range classes {
		cs := byClass[class]
		for _, i := range slices.Compact([]int{0, len(cs) / 2, len(cs) - 1}) {
			out = append(out, cs[i])
		}
	}
	return out
}

// checkPageKeys makes every change of schemaChanges to s, one at a time,
// and fails when a page's file (or the registry) changes while its key
// does not. It records in effective the classes of change that changed
// some file.
func checkPageKeys(t *testing.T, name string, s *model.Schema, opts Options, effective map[string]bool) {
	t.Helper()
	files := func() map[string]File {
		fs, err := generateFiles(s, opts, false)
		if err != nil {
			return nil // a schema Resolve never makes, such as one missing a type still referred to
		}
		out := map[string]File{}
		for _, f := range fs {
			out[f.Page] = f // the registry's Page is the pages' directory
		}
		return out
	}
	before := files()
	if before == nil {
		t.Fatalf("%s: the schema does not generate", name)
	}
	for _, c := range schemaChanges(t, s) {
		undo := c.apply()
		after := files()
		undo()
		if after == nil {
			t.Logf("%s: %s (%s) makes a schema that does not generate", name, c.class, c.what)
		}
		for page, a := range after {
			b, ok := before[page]
			if !ok {
				continue
			}
			if string(a.Content) != string(b.Content) {
				effective[c.class] = true
				if a.Key == b.Key {
					t.Fatalf("%s: changing %s (%s) changed the file of %s but not its key: pageKey misses a fact the renderer reads", name, c.class, c.what, page)
				}
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasLocalized reports whether some text of s is in a page's own language.
func hasLocalized(s *model.Schema) bool {
	for _, t := range s.Types {
		if t.Description.Localized != "" {
			return true
		}
		for _, f := range t.Fields {
			if f.Description.Localized != "" {
				return true
			}
		}
	}
	for _, e := range s.Enums {
		if e.Description.Localized != "" {
			return true
		}
		for _, m := range e.Members {
			if m.Description.Localized != "" {
				return true
			}
		}
	}
	return false
}

// TestPageKeyCoversRender: a page's key changes whenever its file does,
// whatever fact of the schema changes (schemaChanges), on every golden case
// and fixture, in both languages, and on part of the corpus when it is
// there. A warm run takes a file whose key is unchanged from the last run
// without rendering it, so a fact missing from the key would keep a stale
// file.
func TestPageKeyCoversRender(t *testing.T) {
	effective := map[string]bool{}
	localizedCases := 0
	for i, pages := range casePages(t) {
		s := resolvePages(pages)
		// Localized differs from English only where a page has text in
		// its own language.
		localizedCases += btoi(hasLocalized(s))
		for _, localized := range []bool{false, true}[:1+btoi(hasLocalized(s))] {
			checkPageKeys(t, fmt.Sprintf("case %d (%s)", i, pages[0][0]), s, Options{Package: "graph", Localized: localized}, effective)
		}
	}
	if localizedCases == 0 {
		t.Error("no case has localized text: the localized option goes untested")
	}
	// Some classes of change must have changed some file, or the test
	// shows nothing.
	for _, class := range []string{"Schema.Types[].Description.English", "Schema.Types[].Fields[].Navigation", "Schema.Types[].Base=other", "Schema.Enums[].Members[].Name"} {
		if !effective[class] {
			t.Errorf("no change of %s changed a file", class)
		}
	}
	if testing.Short() {
		t.Skip("the corpus part is skipped with -short")
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if len(files) == 0 {
		t.Skipf("the corpus is not at %s: its part is skipped", corpusDir)
	}
	// Every 32nd page: bases, derived types and enums across pages.
	var some []string
	for i := 0; i < len(files); i += 32 {
		some = append(some, files[i])
	}
	pages, diags, err := parser.ParseFiles(some)
	if err != nil {
		t.Fatal(err)
	}
	checkPageKeys(t, "corpus", model.Resolve(pages, &diags), Options{Package: "graph"}, effective)
	t.Logf("%d classes of change changed some file", len(effective))
}
