package model

// Code identifies a kind of finding. Codes are stable: tools and CI filters
// may match on them, so a code is never reused for another meaning. The
// README's diagnostics table lists each with an example and the fix.
type Code string

// CodeInfo is a catalogue entry.
type CodeInfo struct {
	Severity Severity
	Summary  string
}

const (
	NotUTF8             Code = "DG001"
	NULByte             Code = "DG002"
	FrontMatterOpen     Code = "DG003"
	AnnotationInvalid   Code = "DG010"
	AnnotationRepaired  Code = "DG011"
	AnnotationField     Code = "DG012"
	AnnotationNoType    Code = "DG013"
	AnnotationNoSample  Code = "DG014"
	SampleUnreadable    Code = "DG020"
	TableNoColumns      Code = "DG030"
	PropertyNameInvalid Code = "DG031"
	PropertyDuplicate   Code = "DG032"
	PropertySampleOnly  Code = "DG033"
	PropertyTableOnly   Code = "DG034"
	TypeUnknown         Code = "DG040"
	BaseUnknown         Code = "DG041"
	InheritanceCycle    Code = "DG042"
	DefinitionConflict  Code = "DG043"
	EnumNoMemberColumn  Code = "DG050"
	EnumSourcesDisagree Code = "DG051"
)

// Catalogue holds every code docgen reports.
var Catalogue = map[Code]CodeInfo{
	NotUTF8:             {Error, "file is not valid UTF-8"},
	NULByte:             {Error, "file contains a NUL byte"},
	FrontMatterOpen:     {Warning, "front matter is never closed"},
	AnnotationInvalid:   {Error, "resource annotation is not valid JSON"},
	AnnotationRepaired:  {Warning, "resource annotation repaired (trailing comma, &quot;)"},
	AnnotationField:     {Warning, "resource annotation key has the wrong kind of value"},
	AnnotationNoType:    {Error, "resource annotation names no type"},
	AnnotationNoSample:  {Warning, "resource annotation not followed by a JSON block"},
	SampleUnreadable:    {Warning, "JSON representation cannot be read to the end"},
	TableNoColumns:      {Warning, "properties table without a name or type column"},
	PropertyNameInvalid: {Warning, "property name is not an identifier"},
	PropertyDuplicate:   {Warning, "property documented twice"},
	PropertySampleOnly:  {Warning, "property in the JSON representation but not in the tables"},
	PropertyTableOnly:   {Warning, "property in the tables but not in the JSON representation"},
	TypeUnknown:         {Warning, "property type is not documented"},
	BaseUnknown:         {Warning, "base type is not documented"},
	InheritanceCycle:    {Error, "inheritance cycle"},
	DefinitionConflict:  {Warning, "definitions of one type disagree"},
	EnumNoMemberColumn:  {Warning, "enum table without a Member column"},
	EnumSourcesDisagree: {Warning, "enum members differ between sources"},
}
