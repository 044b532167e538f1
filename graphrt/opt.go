package graphrt

// Opt is a property that is absent, null, or has a value. Graph PATCH
// requests use null to clear a property, so null and absent must stay
// distinct.
//
// Opt has no methods, and is not comparable: a generated package
// instantiates it with some two thousand types, and every method (and
// equality function) would be compiled once per instantiation, which made
// up a third of the build cost of the v1.0 package. The functions below
// (Get, Or, IsNull, IsAbsent) are instantiated only where a program calls
// them.
type Opt[T any] struct {
	_     [0]func() // not comparable; first, so it adds no padding
	Value T
	Set   bool // present on the wire
	Null  bool // present as null (only meaningful when Set)
	// quoted records an Int64, Double or Single that came as a JSON string
	// (OData's IEEE754Compatible=true form), or a collection of them whose
	// numbers all did, so that it is written back so; it takes what would
	// be padding.
	quoted bool
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{Value: v, Set: true} }

// Null returns an Opt that encodes as an explicit null.
func Null[T any]() Opt[T] { return Opt[T]{Set: true, Null: true} }

// Get returns the value and true only when o is set and not null.
func Get[T any](o Opt[T]) (T, bool) {
	if o.Set && !o.Null {
		return o.Value, true
	}
	var zero T
	return zero, false
}

// Or returns the value if o has one, else def.
func Or[T any](o Opt[T], def T) T {
	if o.Set && !o.Null {
		return o.Value
	}
	return def
}

// IsAbsent reports whether the property was not present at all.
func IsAbsent[T any](o Opt[T]) bool { return !o.Set }

// IsNull reports whether the property was present as null.
func IsNull[T any](o Opt[T]) bool { return o.Set && o.Null }
