package shapes

// Hand-written tests beside the generated code (no docgen header, so docgen
// never treats this file as its own).

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/graphdocgen/docgen/graphrt"
)

// A multi-valued enum (its page gives bit values) travels as its members
// joined by commas; the generated methods take such a value apart and put
// one together, and the codec keeps it as sent.
func TestMultiValuedEnum(t *testing.T) {
	const in = `{"id":"a1","applicableArchitectures":"x86,x64,arm","applicableDeviceTypes":"desktop"}`
	var app WindowsUniversalAppX
	if err := json.Unmarshal([]byte(in), &app); err != nil {
		t.Fatal(err)
	}
	arch := graphrt.Or(app.ApplicableArchitectures, "")
	if got, want := arch.Split(), []WindowsArchitecture{WindowsArchitectureX86, WindowsArchitectureX64, WindowsArchitectureArm}; !reflect.DeepEqual(got, want) {
		t.Errorf("Split() = %q, want %q", got, want)
	}
	if !arch.Has(WindowsArchitectureX64) || arch.Has(WindowsArchitectureNeutral) || arch.Has("x") {
		t.Errorf("Has: %q holds x64, and neither neutral nor x", arch)
	}
	if !arch.IsKnown() {
		t.Errorf("IsKnown(%q) = false; each member is documented", arch)
	}

	// Putting a value together: as Graph writes it, no member twice.
	devices := graphrt.Or(app.ApplicableDeviceTypes, "").With(WindowsDeviceTypeHolographic).With(WindowsDeviceTypeDesktop)
	if devices != "desktop,holographic" {
		t.Errorf("With: %q, want %q", devices, "desktop,holographic")
	}
	app.ApplicableDeviceTypes = graphrt.Some(devices)
	out, err := json.Marshal(app)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"a1","applicableArchitectures":"x86,x64,arm","applicableDeviceTypes":"desktop,holographic"}`; string(out) != want {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, want)
	}

	for _, c := range []struct {
		v     WindowsArchitecture
		known bool
		split []WindowsArchitecture
	}{
		{"", false, nil},
		{"none", true, []WindowsArchitecture{WindowsArchitectureNone}},
		{"x86, neutral", true, []WindowsArchitecture{WindowsArchitectureX86, WindowsArchitectureNeutral}}, // as some docs show it
		{"x86,riscv", false, []WindowsArchitecture{WindowsArchitectureX86, "riscv"}},                      // a member Graph added later
		{"x86,,x64", false, []WindowsArchitecture{WindowsArchitectureX86, "", WindowsArchitectureX64}},
	} {
		if got := c.v.IsKnown(); got != c.known {
			t.Errorf("IsKnown(%q) = %v, want %v", c.v, got, c.known)
		}
		if got := c.v.Split(); !reflect.DeepEqual(got, c.split) {
			t.Errorf("Split(%q) = %q, want %q", c.v, got, c.split)
		}
	}
	if got := WindowsArchitecture("").With(""); got != "" {
		t.Errorf(`"".With("") = %q, want ""`, got)
	}
	if got := WindowsArchitectureArm.With(""); got != WindowsArchitectureArm {
		t.Errorf(`arm.With("") = %q, want arm`, got)
	}
}
