package graphrt

// Opt is a property that is absent, null, or has a value. Graph PATCH
// requests use null to clear a property, so null and absent must stay
// distinct.
type Opt[T any] struct {
	Value T
	Set   bool // present on the wire
	Null  bool // present as null (only meaningful when Set)
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{Value: v, Set: true} }

// Null returns an Opt that encodes as an explicit null.
func Null[T any]() Opt[T] { return Opt[T]{Set: true, Null: true} }

// Get returns the value and true only when it is set and not null.
func (o Opt[T]) Get() (T, bool) {
	if o.Set && !o.Null {
		return o.Value, true
	}
	var zero T
	return zero, false
}

// IsAbsent reports whether the property was not present at all.
func (o Opt[T]) IsAbsent() bool { return !o.Set }

// IsNull reports whether the property was present as null.
func (o Opt[T]) IsNull() bool { return o.Set && o.Null }

// Or returns the value if there is one, else def.
func (o Opt[T]) Or(def T) T {
	if o.Set && !o.Null {
		return o.Value
	}
	return def
}
