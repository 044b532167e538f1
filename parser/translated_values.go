package parser

import "strings"

// translatedListJoins are the separators and conjunctions of a plain list
// of values in the docs' languages, read as commas: "*Mx*、 *Srv*",
// "*Srv* e *Txt*", "`a` или `b`", "*a* en *b*", "*a* ve *b*", "*a* 및 *b*".
var translatedListJoins = strings.NewReplacer("、", ", ", "，", ", ", "；", "; ",
	" e ", ", ", " y ", ", ", " o ", ", ", " ou ", ", ", " und ", ", ", " oder ", ", ",
	" и ", ", ", " или ", ", ", "和", ", ", "或", ", ", " et ", ", ",
	" en ", ", ", " of ", ", ", " i ", ", ", " lub ", ", ", " a ", ", ", " nebo ", ", ", " ve ", ", ", " veya ", ", ",
	" och ", ", ", " eller ", ", ", " og ", ", ", " és ", ", ", " vagy ", ", ", " dan ", ", ", " atau ", ", ",
	" 및 ", ", ", " 또는 ", ", ", "及", ", ", "與", ", ", "与", ", ", "または", ", ", "および", ", ")

// quoteMarks are the quotation marks of the docs' languages that a
// translation may put around plain values where the English page had code
// spans ("« warm », « cold »", "„warm“", "「warm」"): not part of a value.
var quoteMarks = strings.NewReplacer("«", "", "»", "", "„", "", "“", "", "”", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "", "‹", "", "›", "")

// particleAfterValue is the grammar Korean and Japanese put after the
// last value of a plain list, against it or after a space: the copula
// and particles ("*resource*입니다", "*shut* です"), written in Hangul or
// Hiragana, never in the Latin letters of a value.
var particleAfterValue = lazyRegexp(`([A-Za-z0-9_])\s*[\p{Hangul}\p{Hiragana}]+`)

// translatedPlainValues reads the values listed without code spans after a
// translated phrase, as valuesAfter reads an English one's, once the
// language's separators are made commas, its quotation marks and the
// particles after the values dropped.
func translatedPlainValues(rest string) []string {
	rest = quoteMarks.Replace(translatedListJoins.Replace(rest))
	if nonASCIILetter(rest) {
		rest = particleAfterValue().ReplaceAllString(rest, "$1")
	}
	return valuesAfter(rest)
}

// collectionLinkText reads a link text that is a collection word and a
// type, the whole type cell's text linked ("[Coleção
// microsoft.graph.x](x.md)", "[x 集合](x.md)"): the element's name (which
// may still be translated) and true. A type name alone is no such text:
// [siteCollection](sitecollection.md) is one siteCollection.
func collectionLinkText(text string) (string, bool) {
	text = strings.TrimSpace(text)
	if text == "" || isTypeName(text) || !hasCollectionWord(text) {
		return "", false
	}
	return stripCollectionWords(text), true
}

// spacedQualifiedName is a qualified name a machine translation spaced
// after its dots ("Microsoft. Graph. callRecords. CallType").
var spacedQualifiedName = lazyRegexp(`^(?i:microsoft)\.\s+(?i:graph)\.(?:\s*[A-Za-z][A-Za-z0-9_]*\.)*\s*[A-Za-z][A-Za-z0-9_]*$`)

// joinSpacedName undoes that spacing, and the capitals the translation
// gave the namespace, in a type cell: "microsoft.graph.callRecords.CallType".
// Other text is returned as it is.
func joinSpacedName(s string) string {
	if !strings.Contains(s, ". ") || !spacedQualifiedName().MatchString(s) {
		return s
	}
	s = strings.Join(strings.Fields(s), "")
	return "microsoft.graph." + s[len("microsoft.graph."):]
}

// translatedValuesAfter reads the values after a translated phrase: code
// spans in its sentence, one a line (lineItems), also after the rest of
// the phrase's line ("使用可能な値は次のいずれかです。<br/>`success`<br/>
// `failure`"), or a plain list (translatedPlainValues).
func translatedValuesAfter(rest string) []string {
	// A phrase that is a sentence of its own ("다음 값 중 하나일 수
	// 있습니다. `a`, `b`."): the code spans of the next one are its values.
	if r := strings.TrimLeft(rest, " \u00a0"); strings.HasPrefix(r, ".") || strings.HasPrefix(r, "。") {
		if next := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(r, "."), "。")); strings.HasPrefix(next, "`") {
			rest = next
		}
	}
	var out []string
	if strings.HasPrefix(strings.TrimSpace(rest), "`") {
		out = valuesAfter(rest)
	}
	items := lineItems(rest)
	if head, tail, ok := strings.Cut(rest, "\n"); ok && items == nil && !strings.Contains(head, "`") {
		items = lineItems("\n" + tail)
	}
	if len(items) > len(out) {
		out = items
	}
	if out == nil && !strings.HasPrefix(strings.TrimSpace(rest), "`") {
		out = translatedPlainValues(rest) // "*Email*、 *Yammer*": an older page's list
	}
	return out
}

// morePrimitiveWords are machine translations of Double seen on localized
// pages ("Duplo" on Portuguese ones, "Двойное" on Russian ones, "2 行分",
// two lines' worth, on Japanese ones), added to translatedPrimitives: read as type names they
// named a type no page defines.
var morePrimitiveWords = map[string]string{
	"duplo": "Edm.Double", "doble": "Edm.Double", "двойное": "Edm.Double", "двойной": "Edm.Double", "2 行分": "Edm.Double", "双精度": "Edm.Double",
	// French's "string of characters" and the "whole number" of the
	// Romance languages.
	"chaîne de caractères": "Edm.String", "chaine de caracteres": "Edm.String", "chaînes de caractères": "Edm.String",
	"nombre entier": "Edm.Int32", "número entero": "Edm.Int32", "numero intero": "Edm.Int32", "número inteiro": "Edm.Int32",
	// "Date and time": what DateTimeOffset becomes when translated as
	// words; read as Date from its first word otherwise.
	"date et heure": "Edm.DateTimeOffset", "fecha y hora": "Edm.DateTimeOffset", "data e ora": "Edm.DateTimeOffset", "data e hora": "Edm.DateTimeOffset",
	"datum und uhrzeit": "Edm.DateTimeOffset", "datum en tijd": "Edm.DateTimeOffset", "дата и время": "Edm.DateTimeOffset",
	// String, Boolean and Int32 in the rest of the docs' languages.
	"chuỗi": "Edm.String", "untai": "Edm.String", "karakterlánc": "Edm.String", "merkkijono": "Edm.String", "streng": "Edm.String",
	"șir": "Edm.String", "рядок": "Edm.String", "низ": "Edm.String", "niz": "Edm.String", "eilutė": "Edm.String", "virkne": "Edm.String",
	"συμβολοσειρά": "Edm.String", "สตริง": "Edm.String", "स्ट्रिंग": "Edm.String",
	"logikai": "Edm.Boolean", "totuusarvo": "Edm.Boolean", "логічний": "Edm.Boolean", "булев": "Edm.Boolean", "loginis": "Edm.Boolean",
	"số nguyên": "Edm.Int32", "bilangan bulat": "Edm.Int32", "egész szám": "Edm.Int32", "kokonaisluku": "Edm.Int32", "ціле число": "Edm.Int32",
	"цяло число": "Edm.Int32", "cijeli broj": "Edm.Int32", "întreg": "Edm.Int32",
	"日期时间": "Edm.DateTimeOffset", "日期和时间": "Edm.DateTimeOffset", "日期時間": "Edm.DateTimeOffset", "日時": "Edm.DateTimeOffset", "날짜/시간": "Edm.DateTimeOffset", "날짜 및 시간": "Edm.DateTimeOffset",
}

func init() {
	for word, edm := range morePrimitiveWords {
		translatedPrimitives[word] = edm
	}
}

// translatedWithPrimitive reads a type cell that gives a translated word
// and the English primitive after it in parentheses ("文字列型 (String)"):
// the primitive; or a translated primitive and a note after it, as
// "String (identifier)" is translated ("Chaîne (identificateur)",
// "문자열(식별자)"): the translated primitive's. A type name before the
// parentheses is left to the readers of notes ("String (identifier)").
func translatedWithPrimitive(s string) (string, bool) {
	head, inner, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(s), ")"), "(")
	head, inner = strings.TrimSpace(head), strings.TrimSpace(inner)
	if !ok || !strings.HasSuffix(s, ")") || head == "" {
		return "", false
	}
	if name, ok := translatedPrimitives[strings.ToLower(head)]; ok {
		return name, true // "Tekenreeks (id)" too: a translation in Latin letters
	}
	if isTypeName(head) {
		return "", false
	}
	if _, known := PrimitiveName(inner); !known {
		return "", false
	}
	return inner, true
}
