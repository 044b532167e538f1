package emit

// GoName is the exported Go identifier emit makes of a wire or type name,
// for tools that predict emit's names (docgen lint's collision check).
func GoName(s string) string { return goName(s) }
