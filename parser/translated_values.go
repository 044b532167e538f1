package parser

import (
	"slices"
	"strings"
)

// More ways the docs' translations introduce a property's values, seen on
// real localized pages and missing from valuesPhraseTranslated: other word
// orders and punctuation ("Os possíveis valores são:", "可取值为：",
// "使用可能な値:"), and the translations of "Can be one of the following
// values:", which older pages follow with a plain or emphasized list
// rather than code spans ("Pode ser um dos seguintes valores: **null**,
// *Email*, *Yammer*", "可以是下列值之一： *Email*、 *Yammer*").
var valuesPhraseMore = lazyRegexp(`(?i)(?:可取值(?:为|為|是|包括|有)?|可能的值[:：]|可能值[:：]|可用值(?:为|為|是|包括|有)?|(?:值)?可以是(?:下列|以下)(?:值)?之一|(?:使用)?可能な値\s*[:：]|指定できる値\s*[:：]|次のいずれかの値を指定できます|値は次のいずれかを指定できます|値は次のいずれかです|os possíveis valores são|(?:o valor )?pode ser um dos seguintes(?: valores)?|los posibles valores son|(?:el valor )?puede ser uno de los siguientes(?: valores)?|(?:es )?kann einen der folgenden werte (?:haben|annehmen|aufweisen)|(?:es )?kann einer der folgenden werte sein|может (?:принимать|иметь) одно из следующих значений|может быть одним из следующих значений|(?:la valeur )?peut être l'une des valeurs suivantes)[\s\x{a0}\x{202f}]*[:：、，,]?`)

// moreValuesWords guard valuesPhraseMore for text in ASCII letters only
// (see mayMatch): each ASCII alternative holds one.
var moreValuesWords = []string{"valores", "pode ser", "puede ser", "werte"}

// translatedValuesPhrases are the places of the phrases of both regexps
// in text, in text order, an overlap kept once (the earlier, or the
// longer at one start).
func translatedValuesPhrases(text string) [][]int {
	locs := valuesPhraseTranslated().FindAllStringIndex(text, -1)
	if nonASCIILetter(text) || mayMatch(text, moreValuesWords...) {
		locs = append(locs, valuesPhraseMore().FindAllStringIndex(text, -1)...)
	}
	slices.SortFunc(locs, func(a, b []int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return b[1] - a[1]
	})
	out := locs[:0]
	for _, l := range locs {
		if len(out) > 0 && l[0] < out[len(out)-1][1] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// translatedListJoins are the separators and conjunctions of a plain list
// of values in the docs' languages, read as commas: "*Mx*、 *Srv*",
// "*Srv* e *Txt*", "`a` или `b`".
var translatedListJoins = strings.NewReplacer("、", ", ", "，", ", ", "；", "; ",
	" e ", ", ", " y ", ", ", " o ", ", ", " ou ", ", ", " und ", ", ", " oder ", ", ",
	" и ", ", ", " или ", ", ", "和", ", ", "或", ", ", " et ", ", ")

// translatedPlainValues reads the values listed without code spans after a
// translated phrase, as valuesAfter reads an English one's, once the
// language's separators are made commas.
func translatedPlainValues(rest string) []string {
	return valuesAfter(translatedListJoins.Replace(rest))
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
}

func init() {
	for word, edm := range morePrimitiveWords {
		translatedPrimitives[word] = edm
	}
}

// translatedWithPrimitive reads a type cell that gives a translated word
// and the English primitive after it in parentheses ("文字列型 (String)"):
// the primitive. A type name before the parentheses is left to the
// readers of notes ("String (identifier)").
func translatedWithPrimitive(s string) (string, bool) {
	head, inner, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(s), ")"), "(")
	head, inner = strings.TrimSpace(head), strings.TrimSpace(inner)
	if !ok || !strings.HasSuffix(s, ")") || head == "" || isTypeName(head) {
		return "", false
	}
	if _, known := PrimitiveName(inner); !known {
		return "", false
	}
	return inner, true
}
