package graph

//go:generate go tool docgen -q -out . -pkg graph ../resources
