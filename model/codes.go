package model

// Code identifies a kind of finding. Codes are stable: tools and CI filters
// may match on them, so a code is never reused for another meaning and
// never renumbered. The README's diagnostics table lists each with an
// example and the fix.
type Code string

// CodeInfo is a catalogue entry.
type CodeInfo struct {
	// Severity is what docgen reports: an Error stops the run before
	// anything is written.
	Severity Severity
	// Lint is the severity under docgen lint, which judges the docs rather
	// than what can be generated from them: a property the tables omit is
	// only a warning for generation (the field is still made) but an error
	// in the documentation.
	Lint    Severity
	Summary string
}

const (
	NotUTF8             Code = "DG001"
	NULByte             Code = "DG002"
	FrontMatterOpen     Code = "DG003"
	Unreadable          Code = "DG004"
	TooLarge            Code = "DG005"
	LineTooLong         Code = "DG006"
	NestingTooDeep      Code = "DG007"
	LinkBudget          Code = "DG008"
	AnnotationInvalid   Code = "DG010"
	AnnotationRepaired  Code = "DG011"
	AnnotationField     Code = "DG012"
	AnnotationNoType    Code = "DG013"
	AnnotationNoSample  Code = "DG014"
	AnnotationUnknown   Code = "DG015"
	AnnotationRepeated  Code = "DG016"
	SampleUnreadable    Code = "DG020"
	SampleTooDeep       Code = "DG021"
	TableNoColumns      Code = "DG030"
	PropertyNameInvalid Code = "DG031"
	PropertyDuplicate   Code = "DG032"
	PropertySampleOnly  Code = "DG033"
	PropertyTableOnly   Code = "DG034"
	NoPropertiesTable   Code = "DG035"
	RaggedRow           Code = "DG036"
	CollectionMismatch  Code = "DG037"
	TypeUnknown         Code = "DG040"
	BaseUnknown         Code = "DG041"
	InheritanceCycle    Code = "DG042"
	DefinitionConflict  Code = "DG043"
	KeyNotProperty      Code = "DG044"
	NameCollision       Code = "DG045"
	InheritanceTooDeep  Code = "DG046"
	ListedCollection    Code = "DG047"
	EnumNoMemberColumn  Code = "DG050"
	EnumSourcesDisagree Code = "DG051"
	EnumMemberDuplicate Code = "DG052"
	LocalizedDiffers    Code = "DG060"

	SampleRepaired       Code = "DG070"
	TableHeaderOddNames  Code = "DG071"
	TableNotProperties   Code = "DG072"
	NameCaseDiffers      Code = "DG073"
	OpenTypeNotAnnotated Code = "DG074"
	AbstractNotAnnotated Code = "DG075"
	SentinelCase         Code = "DG076"
	BaseFromRows         Code = "DG077"
	EnumMemberTranslated Code = "DG079"
	EnumMemberRestored   Code = "DG056"
)

// Codes of API-page and metadata checks (docgen lint only).
const (
	APIAnnotationInvalid         Code = "DG080"
	APIAnnotationRepaired        Code = "DG081"
	APITypeUnknown               Code = "DG082"
	APIBodyNotJSON               Code = "DG083"
	APIBodyRepaired              Code = "DG084"
	APIPropertyUnknown           Code = "DG085"
	APIKindMismatch              Code = "DG086"
	APIEnumValue                 Code = "DG087"
	APICollectionMismatch        Code = "DG088"
	APIODataTypeUnknown          Code = "DG089"
	APIODataTypeNotDerived       Code = "DG090"
	APIBadDate                   Code = "DG091"
	APIBadBase64                 Code = "DG092"
	APIIntegerRange              Code = "DG093"
	APIExampleNoBlock            Code = "DG094"
	APIPropertyMissing           Code = "DG095"
	MetadataUnreadable           Code = "DG100"
	MetadataTypeMissing          Code = "DG101"
	MetadataTypeUndocumented     Code = "DG102"
	MetadataPropertyMissing      Code = "DG103"
	MetadataPropertyUndocumented Code = "DG104"
	MetadataPropertyType         Code = "DG105"
	MetadataBaseType             Code = "DG106"
	MetadataMemberMissing        Code = "DG107"
	MetadataMemberUndocumented   Code = "DG108"
)

// Catalogue holds every code docgen reports.
var Catalogue = map[Code]CodeInfo{
	NotUTF8:             {Error, Error, "file is not valid UTF-8"},
	NULByte:             {Error, Error, "file contains a NUL byte"},
	FrontMatterOpen:     {Warning, Warning, "front matter is never closed"},
	Unreadable:          {Error, Error, "file cannot be read"},
	TooLarge:            {Error, Error, "file is larger than the page size limit"},
	LineTooLong:         {Error, Error, "line is longer than the line length limit"},
	NestingTooDeep:      {Error, Error, "markdown nested deeper than the nesting limit"},
	LinkBudget:          {Warning, Warning, "link and emphasis markup too costly to parse; read as plain text"},
	AnnotationInvalid:   {Error, Error, "resource annotation is not valid JSON"},
	AnnotationRepaired:  {Warning, Warning, "resource annotation repaired (trailing comma, &quot;)"},
	AnnotationField:     {Warning, Warning, "resource annotation key has the wrong kind of value"},
	AnnotationNoType:    {Error, Error, "resource annotation names no type"},
	AnnotationNoSample:  {Warning, Warning, "resource annotation not followed by a JSON block"},
	AnnotationUnknown:   {Warning, Warning, "resource annotation has a key docgen does not know"},
	AnnotationRepeated:  {Warning, Warning, "resource annotation has a key twice"},
	SampleUnreadable:    {Warning, Warning, "JSON representation cannot be read to the end"},
	SampleTooDeep:       {Warning, Warning, "JSON representation nested deeper than the nesting limit"},
	TableNoColumns:      {Warning, Warning, "properties table without a name or type column"},
	PropertyNameInvalid: {Warning, Warning, "property name is not an identifier"},
	PropertyDuplicate:   {Warning, Warning, "property documented twice"},
	PropertySampleOnly:  {Warning, Error, "property in the JSON representation but not in the tables"},
	PropertyTableOnly:   {Warning, Warning, "property in the tables but not in the JSON representation"},
	NoPropertiesTable:   {Warning, Warning, "resource page has no Properties section"},
	RaggedRow:           {Warning, Warning, "table row has more or fewer cells than its header"},
	CollectionMismatch:  {Warning, Warning, "JSON representation and table disagree on whether a property is a collection; the JSON representation's shape is kept"},
	TypeUnknown:         {Warning, Error, "property type is not documented"},
	BaseUnknown:         {Warning, Error, "base type is not documented"},
	InheritanceCycle:    {Error, Error, "inheritance cycle"},
	DefinitionConflict:  {Warning, Error, "definitions of one type disagree"},
	KeyNotProperty:      {Warning, Error, "keyProperty is not a property of the type"},
	NameCollision:       {Warning, Warning, "two names map to the same Go identifier"},
	InheritanceTooDeep:  {Error, Error, "base type chain deeper than the inheritance limit"},
	ListedCollection:    {Warning, Warning, "relationship given one value in its table while the Methods table lists a collection of its type; typed as a collection"},
	EnumNoMemberColumn:  {Warning, Warning, "enum table without a Member column"},
	EnumSourcesDisagree: {Warning, Error, "enum members differ between sources"},
	EnumMemberDuplicate: {Warning, Warning, "enum member listed twice"},
	LocalizedDiffers:    {Warning, Error, "localized page differs in structure from its English page"},

	SampleRepaired:       {Warning, Warning, "JSON representation is not valid JSON; repaired (trailing comma, comment)"},
	TableHeaderOddNames:  {Warning, Warning, "properties table header does not name a Property and a Type column"},
	TableNotProperties:   {Warning, Warning, "table in a Properties section describes something else; not read as properties (docgen only)"},
	NameCaseDiffers:      {Warning, Error, "table and JSON representation spell a property in different letter case"},
	OpenTypeNotAnnotated: {Warning, Error, "text says open type, the annotation lacks \"openType\": true"},
	AbstractNotAnnotated: {Warning, Warning, "text says abstract type, the annotation lacks \"abstract\": true"},
	BaseFromRows:         {Warning, Warning, "base type read from the rows' \"Inherited from\" notes, as neither annotation nor prose names one"},
	SentinelCase:         {Warning, Error, "enum member unknownFutureValue spelt in another letter case; read as Graph spells it"},
	EnumMemberTranslated: {Warning, Error, "an enum table's member is written in another script (a translation); skipped"},
	EnumMemberRestored:   {Warning, Error, "a translated description lists a member the JSON representation spells otherwise at the same place (a translation); read as the representation's"},

	APIAnnotationInvalid:         {Error, Error, "request or response annotation is not valid JSON"},
	APIAnnotationRepaired:        {Warning, Warning, "request or response annotation repaired (trailing comma, &quot;)"},
	APITypeUnknown:               {Error, Error, "example annotation names a type no resource page defines"},
	APIBodyNotJSON:               {Error, Error, "example body is not JSON"},
	APIBodyRepaired:              {Error, Error, "example body is JSON only after a repair"},
	APIPropertyUnknown:           {Error, Error, "example has a property its type and base types lack"},
	APIKindMismatch:              {Error, Error, "example value of a JSON kind the documented type cannot have"},
	APIEnumValue:                 {Warning, Warning, "example value is not a documented enum member"},
	APICollectionMismatch:        {Error, Error, "example has a collection where one value is documented, or the reverse"},
	APIODataTypeUnknown:          {Error, Error, "example @odata.type names no documented type"},
	APIODataTypeNotDerived:       {Error, Error, "example @odata.type is not the documented type or derived from it"},
	APIBadDate:                   {Error, Error, "example date, time or duration breaks its wire format"},
	APIBadBase64:                 {Error, Error, "example Binary value is not base64"},
	APIIntegerRange:              {Error, Error, "example integer out of its type's range, or not whole"},
	APIExampleNoBlock:            {Warning, Warning, "request or response annotation not followed by a code block"},
	APIPropertyMissing:           {Warning, Warning, "response not marked truncated lacks a documented property"},
	MetadataUnreadable:           {Error, Error, "metadata document cannot be read"},
	MetadataTypeMissing:          {Error, Error, "documented type or enum is not in the metadata"},
	MetadataTypeUndocumented:     {Warning, Warning, "metadata type or enum is not documented"},
	MetadataPropertyMissing:      {Error, Error, "documented property is not in the metadata"},
	MetadataPropertyUndocumented: {Warning, Warning, "metadata property is not documented"},
	MetadataPropertyType:         {Error, Error, "property type differs from the metadata"},
	MetadataBaseType:             {Error, Error, "base type differs from the metadata"},
	MetadataMemberMissing:        {Error, Error, "documented enum member is not in the metadata"},
	MetadataMemberUndocumented:   {Warning, Warning, "metadata enum member is not documented"},
}

// NotLinted holds the codes that explain what docgen did rather than point
// at a defect in the docs: docgen reports them, docgen lint does not.
//
// A base read from prose (DG061) or assumed from an id key (DG063) says
// where docgen took a fact the annotation leaves out; the annotation and
// prose disagreeing (DG062) is the defect lint reports.
var NotLinted = map[Code]bool{TableNotProperties: true, BaseFromProse: true, BaseFromKey: true, BaseFromBasePage: true, BaseFromRows: true}

// Facts read from prose, samples and page conventions rather than from
// annotations and tables (each such fact is reported with its source).
const (
	BaseFromProse         Code = "DG061"
	BaseProseDisagrees    Code = "DG062"
	BaseFromKey           Code = "DG063"
	ResourceNoAnnotation  Code = "DG064"
	TypeFromSample        Code = "DG065"
	EnumTableRepeated     Code = "DG066"
	NamespaceFromFileName Code = "DG067"
	BaseFromBasePage      Code = "DG068"
	AlternativeTypes      Code = "DG069"
)

func init() {
	for code, info := range map[Code]CodeInfo{
		BaseFromProse:         {Warning, Warning, "base type read from the page's prose, not its annotation"},
		BaseProseDisagrees:    {Warning, Error, "annotation and prose name different base types"},
		BaseFromKey:           {Warning, Warning, "base type entity assumed from the key id, or from an id property with API methods or a relationship pointing into its hierarchy"},
		ResourceNoAnnotation:  {Warning, Error, "resource page without a resource annotation"},
		TypeFromSample:        {Warning, Warning, "a table's type is no type name (translated?); typed from the JSON representation"},
		EnumTableRepeated:     {Warning, Error, "two tables under one enum heading"},
		NamespaceFromFileName: {Warning, Warning, "enums page without a Namespace line; the namespace is read from its file name"},
		BaseFromBasePage:      {Warning, Warning, "base type read from the base's page, which lists the type among its derived types"},
		AlternativeTypes:      {Warning, Warning, "a type cell names several types (a or b); typed as their nearest common base"},
	} {
		Catalogue[code] = info
	}
}

// Findings on current (2024-2026) pages.
const (
	InheritedNameCase   Code = "DG053"
	BaseProseOverEntity Code = "DG054"
	EnumHeadingRepeated Code = "DG055"
)

func init() {
	Catalogue[InheritedNameCase] = CodeInfo{Warning, Error, "property spelt in another letter case than the base type's property of that name; read as the inherited one"}
	Catalogue[EnumHeadingRepeated] = CodeInfo{Warning, Error, "a second heading on one page names an enum the page already gave a table; that table is not read"}
	NotLinted[BaseProseOverEntity] = true // it says where a fact came from
	Catalogue[BaseProseOverEntity] = CodeInfo{Warning, Warning, "the annotation names entity, the prose a nearer base whose properties the page lists; read as deriving from the prose's (docgen only)"}
}
