package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Localized pages in the current format (no span pairs holding the
// English) translate what docgen otherwise reads in English: column
// headers, "Inherits from", "collection", sometimes primitive type names
// and, in older machine translations, even property names. What stays
// untranslated is what docgen leans on here: heading anchors
// (<a name="properties">), link targets, the annotation and the JSON
// representation. The words below are those of the languages the Graph
// docs are published in; anything else falls back on that structure (the
// column order of the docs template, the sample's values).

// inheritsTailTranslated ends the text before a link that names a base:
// "Наследуется от [directoryObject](directoryobject.md)", "Erbt von",
// "继承自", in the verb's other forms too ("Héritée de", "Ereditato da",
// "Afgeleid van"), with up to two filler words ("является производным от
// ресурса [baseItem](baseitem.md)", "Hérite de la ressource") and the
// elided or contracted article before them ("Héritée de l’entité",
// "Eredita dall’entità").
var inheritsTailTranslated = lazyRegexp(`(?i)(?:наследуется от|наследует от|наследует|производн\p{L}* от|erbt von|abgeleitet von|hérit\p{L}* d[eu]|d[ée]riv\p{L}* d[eu]|hered\p{L}* del?|deriva de|derivad[oa] del?|herd\p{L}* d[aeo]s?|derivad[oa] d[ao]s?|eredit\p{L}* da(?:l(?:l[aoe])?)?|deriva da(?:l(?:l[aoe])?)?|derivat[oa] da(?:l(?:l[aoe])?)?|neemt over van|overgenomen van|afgeleid van|erft van|dziedziczy (?:z|po)|dziedziczon\p{L}* (?:z|po)|pochodzi (?:od|z)|dědí z|odvozen\p{L}* (?:od|z)|devralır|ärver från|härled\p{L}* från|arver fra|afledt af|avledet fra|mewarisi dari|diwarisi dari|diturunkan dari|kế thừa từ|periytyy kohteesta|johdettu kohteesta|успадков\p{L}* від|похідн\p{L}* від|наследява|moștene\p{L}* de la|derivat din|heret\p{L}* de|derivat de|nasljeđuje od|nasleđuje od|deduje od|izveden\p{L}* iz|paveldi iš|manto no|pärib|κληρονομεί από|προέρχεται από|สืบทอดจาก|يرث من|مشتق من|יורש מ|נגזר מ|继承自|派生自|繼承自|衍生自)(?:[\s\x{a0}\x{202f}]+(?:l[’'][\s\x{a0}\x{202f}]*)?(?:la|le|el|il|lo|o|a|der|dem|des|ressource|recurso|risorsa|resource|tipo|type|typ|typu|entité|entidad|entidade|entità|entität|entity|ресурса|типа|класса|объекта|сущности)|[\s\x{a0}\x{202f}]*l[’'][\s\x{a0}\x{202f}]*(?:entité|entità|entidade|ressource|risorsa)?){0,2}[\s\x{a0}\x{202f}]*$`)

// translatedInheritWords are the ASCII words of which every alternative of
// inheritsTailTranslated written in ASCII holds one (the others hold a
// letter outside ASCII); TestTranslatedValuesPrefilter holds them to it.
var translatedInheritWords = []string{"erbt von", "abgeleitet", "deriv", "hered", "herd", "eredit", "neemt over", "overgenomen", "afgeleid", "erft van",
	"dziedzicz", "pochodzi", "odvozen", "devral", "arver fra", "afledt", "avledet", "warisi", "diturunkan",
	"periytyy", "johdettu", "heret", "deduje", "izveden", "manto no"}

// inheritsHeadTranslated starts the text after such a link, for languages
// that put the verb last: "[directoryObject](directoryobject.md) から継承",
// "에서 상속", "öğesinden türetilir", "'den devralır".
var inheritsHeadTranslated = lazyRegexp(`^\s*(?:から継承|から派生|에서 상속|에서 파생|을\(를\) 상속|(?:öğesinden|[’']?[dt][ae]n) (?:devral|türetil))`)

// collectionWord finds the word that marks a type cell as a collection in
// a translation: "Коллекция [x](x.md)", "[x](x.md) 集合", "Colección de
// String". A regexp rather than a search in strings.ToLower(s): lower
// case can change a string's length in bytes, and so its offsets.
var collectionWord = lazyRegexp(`(?i)коллекци[яи]|集合|コレクション|컬렉션|colección|coleção|raccolta|sammlung|auflistung|kolekcja|kolekce|verzameling|koleksiyon\p{L}*|koleksi\b|gyűjtemény\p{L}*|kokoelma\p{L}*|colecți[ea]|колекці[яїю]|bộ sưu tập|samling|\bconjunto\b|συλλογή|مجموعة|אוסף|数组|陣列|配列|배열|массив\p{L}*|\bcollection\b`)

// collectionWordASCII is collectionWord's alternatives written in ASCII:
// on ASCII text (nearly every type cell of an English page) it matches
// as collectionWord does, and a smaller program runs faster
// (TestCollectionWordASCII holds the two together).
var collectionWordASCII = lazyRegexp(`(?i)raccolta|sammlung|auflistung|kolekcja|kolekce|verzameling|koleksiyon\p{L}*|koleksi\b|kokoelma\p{L}*|samling|\bconjunto\b|\bcollection\b`)

// hasCollectionWord reports whether s holds a collection word.
func hasCollectionWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return collectionWord().MatchString(s)
		}
	}
	return collectionWordASCII().MatchString(s)
}

// collectionFiller are the words around a collection word that are not
// the element type's name: "Colección de String", "Коллекция объектов x".
var collectionFiller = wordSet("de", "di", "da", "von", "of", "van", "的", "の", "объектов", "das", "dos", "des", "degli", "delle", "dari", "của")

// stripCollectionWords removes the collection words and the filler around
// them, leaving the element type's name.
func stripCollectionWords(s string) string {
	var kept []string
	for _, f := range strings.Fields(collectionWord().ReplaceAllString(s, " ")) {
		f = strings.Trim(f, "-") // "String-kokoelma": the word joined by a hyphen
		if f != "" && !collectionFiller[strings.ToLower(f)] {
			kept = append(kept, f)
		}
	}
	// "Коллекция(microsoft.graph.x)", "集合（String）": the parentheses
	// of Collection(x) around the element.
	return strings.TrimSpace(strings.Trim(strings.Join(kept, " "), "()（）"))
}

// valuesPhraseTranslated introduces the values of a property in the docs'
// languages, as valuesPhrase does in English: the plural, the singular a
// list of one is written with ("El valor posible es: `x`"), then other
// word orders and punctuation seen on real localized pages ("Os possíveis
// valores são:", "可取值为：", "使用可能な値:") and the translations of "Can
// be one of the following values:", which older pages follow with a plain
// or emphasised list rather than code spans ("Pode ser um dos seguintes
// valores: **null**, *Email*, *Yammer*"). Where two phrases start at one
// place, the longer is the match (Longest). A phrase may go on with "as
// follows" ("Les valeurs possibles sont les suivantes :", "가능한 값은
// 다음과 같습니다."), even to the end of its sentence, the values after it.
var valuesPhraseTranslated = lazyLongestRegexp(`(?i)(?:可能的值(?:为|為|是|包括|有)|可能值(?:为|為)|可用的值(?:为|為)|可能な値は|使用可能な値は|指定できる値は|(?:^|[^불])가능한 값(?:은|[\s\x{a0}\x{202f}]*:)|(?:os )?valores possíveis são|valores possíveis:|os valores possíveis incluem|(?:los )?valores posibles son|valores posibles:|(?:les )?valeurs possibles sont|valeurs possibles[\s\x{a0}\x{202f}]?:|(?:i )?valori possibili sono|valori possibili:|возможные значения(?:[\s\x{a0}\x{202f}]*[-—:])?|допустимые значения(?:[\s\x{a0}\x{202f}]*[-—:])?|(?:die )?möglichen werte sind|mögliche werte sind|mögliche werte:|(?:de )?mogelijke waarden zijn|mogelijke waarden:|możliwe wartości to|możliwe wartości:|olası değerler şunlardır|olası değerler|möjliga värden är|möjliga värden:|možné hodnoty jsou|možné hodnoty:|支持的值(?:为|為|是|包括|有)|支援的值(?:为|為|是|包括|有)|可选值(?:为|為|是|包括|有)|使用できる値は|有効な値は|設定可能な値は|サポートされている値は|사용 가능한 값은|지원되는 값은|поддерживаемые значения(?:[\s\x{a0}\x{202f}]*[-—:])?|unterstützte werte sind|unterstützte werte:|les valeurs prises en charge sont|los valores admitidos son|los valores compatibles son|os valores suportados são|os valores com suporte são|i valori supportati sono|ondersteunde waarden zijn|obsługiwane wartości to|desteklenen değerler|värden som stöds är|podporované hodnoty jsou|القيم المحتملة هي|القيم الممكنة هي|הערכים האפשריים הם|(?:el )?valor posible es|valor posible:|(?:o )?valor possível é|valor possível:|(?:la )?valeur possible est|valeur possible[\s\x{a0}\x{202f}]?:|(?:il )?valore possibile è|valore possibile:|(?:der )?mögliche wert ist|möglicher wert:|(?:de )?mogelijke waarde is|mogelijke waarde:|возможное значение(?:[\s\x{a0}\x{202f}]*[-—:])?|możliwa wartość to|möjligt värde är|možná hodnota je|olası değer:|可取值(?:为|為|是|包括|有)?|可能的值[:：]|可能值[:：]|可用值(?:为|為|是|包括|有)?|(?:值)?可以是(?:下列|以下)(?:值)?之一|(?:使用)?可能な値[\s\x{a0}\x{202f}]*[:：]|指定できる値[\s\x{a0}\x{202f}]*[:：]|次のいずれかの値を指定できます|値は次のいずれかを指定できます|値は次のいずれかです|os possíveis valores são|(?:o valor )?pode ser um dos seguintes(?: valores)?|los posibles valores son|(?:el valor )?puede ser uno de los siguientes(?: valores)?|(?:es )?kann einen der folgenden werte (?:haben|annehmen|aufweisen)|(?:es )?kann einer der folgenden werte sein|может (?:принимать|иметь) одно из следующих значений|может быть одним из следующих значений|(?:la valeur )?peut être l[’']une des valeurs suivantes|(?:il )?peut s[’']agir de l[’']une des valeurs suivantes|(?:può|puo) (?:essere|assumere) uno dei (?:seguenti valori|valori seguenti)|puede ser uno de los valores siguientes|pode ser um dos valores a seguir|다음 (?:값 )?중 하나일 수 있습니다|(?:可以是)?下列其中一個值|(?:kan )?een van de volgende waarden(?: zijn)?|może być jedną z następujących wartości|aşağıdaki değerlerden biri olabilir|kan vara något av följande värden|může (?:to )?být jedna z následujících hodnot|nilai yang mungkin(?: adalah| ialah)?|(?:a )?lehetséges értékek|(?:các )?giá trị có thể(?: là)?|mulige v(?:æ|e)rdier(?: er)?|mahdolliset arvot(?: ovat)?|можливі значення(?:[\s\x{a0}\x{202f}]*[-—:])?|възможните стойности(?: са)?|valorile posibile(?: sunt)?|(?:els )?valors possibles(?: són)?|(?:οι )?πιθανές τιμές(?: είναι)?|možné hodnoty sú|(?:mogu[ćc]e|možne) (?:vrijednosti|vrednosti)(?: su| so)?|iespējamās vērtības(?: ir)?|galimos reikšmės(?: yra)?|võimalikud väärtused(?: on)?|ค่าที่เป็นไปได้(?:คือ)?|संभावित मान(?: हैं)?)(?:\s*(?:les suivantes|los siguientes|las siguientes|os seguintes|as seguintes|i seguenti|le seguenti|die folgenden|следующие|다음과 같습니다|次のとおりです|如下)\s*[.:：]?)?[\s\x{a0}\x{202f}]*[:：、，,]?`)

// translatedValuesWords guard valuesPhraseTranslated for text in ASCII
// letters only (see mayMatch): each ASCII alternative holds one.
var translatedValuesWords = []string{"valor", "valeur", "werte", "waarde", "possibili", "pode ser", "puede ser", "nilai", "mulige", "mahdolliset", "vrednost", "vrijednost"}

// translatedPrimitives are the machine translations of primitive type
// names seen in localized pages; other primitives are usually left in
// English, and a cell that is still unknown is typed from the sample.
var translatedPrimitives = map[string]string{
	"строка": "Edm.String", "字符串": "Edm.String", "字串": "Edm.String", "文字列": "Edm.String", "문자열": "Edm.String",
	"zeichenfolge": "Edm.String", "chaîne": "Edm.String", "cadena": "Edm.String", "cadeia de caracteres": "Edm.String",
	"логический": "Edm.Boolean", "логическое": "Edm.Boolean", "布尔": "Edm.Boolean", "布尔值": "Edm.Boolean", "布林值": "Edm.Boolean",
	"ブール値": "Edm.Boolean", "ブール型": "Edm.Boolean", "부울": "Edm.Boolean", "booleano": "Edm.Boolean", "booléen": "Edm.Boolean",
	"booliano": "Edm.Boolean", "boolesch": "Edm.Boolean", "boolescher wert": "Edm.Boolean", "valor booleano": "Edm.Boolean",
	// Plurals and compounds are what remains of "Colección de cadenas",
	// "Raccolta di stringhe", "Tekenreeksverzameling" once the collection
	// word is taken away.
	"cadenas": "Edm.String", "chaînes": "Edm.String", "chaine": "Edm.String", "chaines": "Edm.String", "stringa": "Edm.String", "stringhe": "Edm.String",
	"tekenreeks": "Edm.String", "tekenreeksen": "Edm.String", "zeichenfolgen": "Edm.String", "строк": "Edm.String", "строки": "Edm.String",
	"cadeias de caracteres": "Edm.String", "cadeias caracteres": "Edm.String", "caracteres": "Edm.String", "ciąg": "Edm.String", "ciągów": "Edm.String", "ciągi": "Edm.String",
	"řetězec": "Edm.String", "řetězců": "Edm.String", "řetězce": "Edm.String", "sträng": "Edm.String", "strängar": "Edm.String", "dize": "Edm.String", "dizesi": "Edm.String",
	"سلسلة": "Edm.String", "منطقي": "Edm.Boolean", "מחרוזת": "Edm.String", "בוליאני": "Edm.Boolean",
	"booleaans": "Edm.Boolean", "booleaanse waarde": "Edm.Boolean", "boolesk": "Edm.Boolean", "booleskt värde": "Edm.Boolean", "boole": "Edm.Boolean",
	"wartość logiczna": "Edm.Boolean", "logická hodnota": "Edm.Boolean", "logický": "Edm.Boolean", "valore booleano": "Edm.Boolean", "valeur booléenne": "Edm.Boolean",
	"布林": "Edm.Boolean", "ブール": "Edm.Boolean", "부울 값": "Edm.Boolean", "boolean değeri": "Edm.Boolean",
	"binaire": "Edm.Binary", "binario": "Edm.Binary", "binário": "Edm.Binary", "двоичный": "Edm.Binary", "二进制": "Edm.Binary", "二進位": "Edm.Binary", "バイナリ": "Edm.Binary", "이진": "Edm.Binary",
	"поток": "Edm.Stream", "flux": "Edm.Stream", "flujo": "Edm.Stream", "secuencia": "Edm.Stream", "fluxo": "Edm.Stream", "flusso": "Edm.Stream",
	"strumień": "Edm.Stream", "stroom": "Edm.Stream", "akış": "Edm.Stream", "ström": "Edm.Stream", "datový proud": "Edm.Stream", "datenstrom": "Edm.Stream",
	"流": "Edm.Stream", "ストリーム": "Edm.Stream", "스트림": "Edm.Stream",
	"intero": "Edm.Int32", "geheel getal": "Edm.Int32", "liczba całkowita": "Edm.Int32", "celé číslo": "Edm.Int32", "tamsayı": "Edm.Int32", "heltal": "Edm.Int32",
	"ganzzahl": "Edm.Int32", "inteiro": "Edm.Int32", "entero": "Edm.Int32", "entier": "Edm.Int32", "целое число": "Edm.Int32", "整数": "Edm.Int32", "정수": "Edm.Int32",
}

// isTypeName accepts what a Graph type can be called: ASCII identifiers,
// optionally dotted. A translated word is not one.
func isTypeName(s string) bool { return isQualifiedName(s) }

// linkTargetName is the type a link to a resource page names, from its
// file name: "thumbnail.md" gives thumbnail, "security-alertevidence.md"
// alertevidence (the prefix is the file's namespace or area), matched
// without regard to case; "lamp.fr-FR.md", a page named for its locale as
// pageLocale reads it, gives lamp. Used when the link text is translated.
func linkTargetName(dest string) string {
	base := dest
	if i := strings.LastIndexAny(base, "/\\"); i >= 0 {
		base = base[i+1:]
	}
	base, _, _ = strings.Cut(base, "#")
	if !strings.HasSuffix(strings.ToLower(base), ".md") || strings.Contains(dest, "://") {
		return "" // not a page of the docs
	}
	base = base[:len(base)-len(".md")]
	if i := strings.LastIndexByte(base, '.'); i > 0 && isDocsLocale(base[i+1:]) {
		base = base[:i] // lamp.fr-FR.md, a page named for its locale
	}
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		base = base[i+1:]
	}
	if !isIdentifier(base) {
		return ""
	}
	return base
}

// Translated section headings, for pages whose headings carry no English
// anchor (<a name="properties">): compared with the whole heading text in
// lower case.
var (
	propertiesHeadings = wordSet("свойства", "属性", "屬性", "الخصائص", "מאפיינים", "プロパティ", "속성", "eigenschaften", "propriétés", "propiedades",
		"propriedades", "proprietà", "właściwości", "vlastnosti", "eigenschappen", "özellikler", "egenskaper", "ιδιότητες",
		"propietats", "egenskaber", "omadused", "ominaisuudet", "svojstva", "својства", "tulajdonságok", "properti", "ypatybės", "rekvizīti",
		"proprietăți", "proprietati", "lastnosti", "คุณสมบัติ", "властивості", "thuộc tính", "गुण", "गुणधर्म", "eiginleikar", "сипаттар")
	relationshipsHeadings = wordSet("العلاقات", "קשרי גומלין", "связи", "отношения", "关系", "關聯性", "關聯", "關係", "リレーションシップ", "関係", "관계",
		"beziehungen", "relaciones", "relações", "relazioni", "relacje", "relace", "relaties", "i̇lişkiler", "ilişkiler", "relationer", "σχέσεις",
		"relacions", "relacións", "seosed", "suhteet", "odnosi", "relacije", "kapcsolatok", "hubungan", "perhubungan", "ryšiai", "relācijas",
		"relasjoner", "relații", "relatii", "vzťahy", "ความสัมพันธ์", "зв’язки", "зв'язки", "звʼязки", "відносини", "mối quan hệ", "връзки", "संबंध")
	methodsHeadings = wordSet("методы", "方法", "メソッド", "메서드", "methoden", "méthodes", "métodos", "metodi", "metody",
		"yöntemler", "metoder", "μέθοδοι", "mètodes", "meetodid", "menetelmät", "metode", "metódusok", "metodai", "metodes", "metódy",
		"методи", "phương thức", "วิธีการ", "विधियाँ", "kaedah")
	derivedTypesHeadings = wordSet("производные типы", "派生类型", "派生類型", "派生型", "파생 형식", "abgeleitete typen", "types dérivés",
		"tipos derivados", "tipi derivati", "afgeleide typen", "typy pochodne", "odvozené typy", "türetilmiş türler", "härledda typer",
		"tipus derivats", "johdetut tyypit", "származtatott típusok", "tipe turunan", "tipuri derivate", "похідні типи", "kiểu dẫn xuất", "odvodené typy")
	// French "Relations" is also an English word: only on a page whose
	// front matter names another locale, or after a translated table.
	localizedOnlyHeadings = wordSet("relations")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// translatedNamespaceLine is the Namespace line in any language: a label
// of a few words, a colon (or a full-width one), and a namespace of the
// Graph docs, alone in its paragraph.
var translatedNamespaceLine = lazyRegexp(`^[^\s:：.][^:：.]{0,39}[:：]\s*(microsoft(?:\.[A-Za-z][A-Za-z0-9_]*)+)\s*$`)

// enumValuesWords are the word "values" of an enum's "x values"
// heading in the docs' languages ("lampMode 值", "Значения lampMode",
// "Valeurs de lampMode", "lampMode-Werte"), compared in lower case.
var enumValuesWords = wordSet("值", "値", "값", "значения", "valeurs", "valores", "werte", "valori", "waarden",
	"wartości", "hodnoty", "değerleri", "değerler", "värden", "列挙値", "列舉值", "枚举值", "열거형",
	"nilai", "értékek", "értékei", "arvot", "værdier", "verdier", "значення", "стойности", "vrijednosti", "vrednosti", "reikšmės",
	"vērtības", "väärtused", "valors", "τιμές", "ค่า", "मान",
	"trị") // the second word of Vietnamese "giá trị"

// translatedEnumHeading returns the enum a translated "x values" heading
// names: the one identifier among its words, beside the word for values
// in another language, or the anchor the heading keeps from the English
// page (<a name="lampmode-values">), whose name the identifier spells in
// its letter case. "" when the heading is no such heading.
func translatedEnumHeading(title, anchor string) string {
	prefix, anchored := strings.CutSuffix(strings.ToLower(anchor), "-values")
	anchored = anchored && isIdentifier(prefix)
	var name, spelt string // the one identifier; the anchor's name as the title spells it
	names, values := 0, false
	for w := range strings.FieldsFuncSeq(title, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == ':' || r == '：' || r == '(' || r == ')'
	}) {
		switch {
		case enumValuesWords[strings.ToLower(w)]:
			values = true
		case isIdentifier(w) && !isHeadingFiller(w):
			names++
			name = w
			if anchored && strings.EqualFold(w, prefix) {
				spelt = w
			}
		}
	}
	switch {
	case spelt != "":
		return spelt
	case anchored && (values || strings.Contains(strings.ToLower(title), prefix)):
		// The name only inside a longer dotted one
		// ("Office.mailboxenums.bodytype 值"), or translated with the rest
		// ("Valores del modo de bombilla"): the anchor's, in its lower
		// case, which resolution matches in any case and spells as the
		// type cells do (model's adoptLetterCase).
		return prefix
	case names == 1 && values && anchor == "":
		return name
	}
	return ""
}

// mayBeTranslatedEnumHeading is translatedEnumHeading's cheap test (a
// lower-case title): an anchor of an "x values" heading, or a title with
// letters outside ASCII or an ASCII word for values.
func mayBeTranslatedEnumHeading(title, anchor string) bool {
	if anchor != "" {
		return strings.HasSuffix(strings.ToLower(anchor), "-values")
	}
	return nonASCIILetter(title) || mayMatch(title, "valeur", "valor", "werte", "valori", "waarden", "hodnoty", "nilai", "arvot", "verdier", "vrijednosti", "vrednosti")
}

// isHeadingFiller: the ASCII words translated enum headings hold beside
// the name ("Valeurs de lampMode", "Valori di lampMode").
func isHeadingFiller(w string) bool {
	switch strings.ToLower(w) {
	case "de", "di", "da", "des", "del", "van", "von", "der", "of":
		return true
	}
	return false
}

// stripBidiControls drops the invisible characters that steer the
// direction of right-to-left text (marks, embeddings, overrides,
// isolates). Pages in Arabic or Hebrew hold them; in a Go comment they
// would make the source read otherwise than it compiles, and between
// words they hide the phrases docgen looks for.
func stripBidiControls(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// dropInvisible removes the characters that take no room, which machine
// translation and its tools leave inside words ("display\u200bName"): a
// zero-width space or joiner, a word joiner, a byte order mark, a soft
// hyphen. They are no part of a name.
func dropInvisible(s string) string {
	if !strings.ContainsFunc(s, isInvisible) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

func isInvisible(r rune) bool {
	return r >= '\u200b' && r <= '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad'
}

func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// isDocsLocale reports whether a name a path carries is a locale the docs
// are translated into: a language of theirs, then a region (fr-FR) or a
// script (zh-Hant, zh-Hant-TW). A directory such as my-docs or go-to is
// no locale: read as one, English pages would be read as translations.
func isDocsLocale(name string) bool {
	parts := strings.Split(strings.ToLower(name), "-")
	if !docsLanguages[parts[0]] {
		return false
	}
	switch len(parts) {
	case 2:
		return len(parts[1]) == 2 || docsScripts[parts[1]]
	case 3:
		return docsScripts[parts[1]] && len(parts[2]) == 2
	}
	return false
}

// docsLanguages and docsScripts are the languages and scripts of the
// locales Microsoft Learn publishes the docs in.
var (
	docsLanguages = wordSet("ar", "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fil", "fr", "ga", "gl", "he", "hi",
		"hr", "hu", "id", "is", "it", "ja", "kk", "ko", "lb", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "ro", "ru", "sk",
		"sl", "sr", "sv", "th", "tr", "uk", "vi", "zh")
	docsScripts = wordSet("hans", "hant", "latn", "cyrl")
)

// fileLocale is a locale a file's name or its directory's carries:
// asyncjobstatus.es-ES.md, fr-fr/lamp.md.
var fileLocale = lazyRegexp(`(?i)(?:^|[/\\.])([a-z]{2,3}-(?:[a-z]{2}|[a-z]{4}|[a-z]{4}-[a-z]{2}))(?:\.md|[/\\][^/\\]+)$`)

// pageLocale is the language a page is written in, "" for English: its
// front matter's ms.contentlocale (or ms.locale, or locale; keys in any
// letter case), else the locale its file name or directory carries.
func pageLocale(frontMatter map[string]string, path string) string {
	locale := ""
	for _, key := range []string{"ms.contentlocale", "ms.locale", "locale"} {
		for k, v := range frontMatter {
			if locale == "" && strings.EqualFold(k, key) && v != "" {
				locale = v
			}
		}
	}
	if locale == "" {
		if m := fileLocale().FindStringSubmatch(filepathSlash(path)); m != nil && isDocsLocale(m[1]) {
			locale = m[1]
		}
	}
	if l := strings.ToLower(locale); l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_") {
		return ""
	}
	return locale
}

// filepathSlash writes a path's separators as slashes.
func filepathSlash(path string) string { return strings.ReplaceAll(path, "\\", "/") }

// Translations of "This is an abstract type" and "This is an open type":
// the sentence that calls the page's own type so starts with the word
// for "this" (a sentence naming another type, "Наследуется от
// абстрактного типа x", is no such sentence).
var (
	abstractWords = []string{"抽象类型", "抽象類型", "抽象型", "추상 형식", "абстрактный тип", "abstrakter typ", "type abstrait",
		"tipo abstracto", "tipo abstrato", "tipo astratto", "abstract type", "typ abstrakcyjny", "soyut bir tür", "abstrakt typ", "abstraktní typ"}
	openWords = []string{"开放类型", "開放類型", "オープン型", "개방형 형식", "открытый тип", "offener typ", "type ouvert",
		"tipo abierto", "tipo aberto", "tipo aperto", "open type", "typ otwarty", "açık bir tür", "öppen typ", "otevřený typ"}
	// thisWords open such a sentence, in lower case.
	thisWords = []string{"这是", "此为", "這是", "これは", "이 형식은", "이는", "это ", "dies ist", "ceci est", "il s’agit", "il s'agit", "este es",
		"este é", "questo è", "dit is", "jest to", "to jest", "bu ", "det här är", "jedná se", "toto je"}
)

// copulaOnly is what may follow the words in a sentence that is only
// "(it is) an abstract type": Korean and Japanese drop the subject
// ("추상 형식입니다", "抽象型です"), Chinese may write the noun alone.
var copulaOnly = wordSet("", "입니다", "이다", "です", "である")

// saysTranslated reports whether a sentence of the text starts with a
// word for "this" and names one of words, or is one of words and a
// copula only.
func saysTranslated(text string, words []string) bool {
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '。' || r == '\n' }) {
		s := strings.ToLower(strings.TrimSpace(sentence))
		for _, w := range words {
			if rest, ok := strings.CutPrefix(s, w); ok && copulaOnly[strings.TrimSpace(rest)] {
				return true
			}
		}
		opens := false
		for _, w := range thisWords {
			opens = opens || strings.HasPrefix(s, w)
		}
		if !opens {
			continue
		}
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return false
}

// orWords join the links of a type cell that names several types
// ("[a](a.md) 或 [b](b.md)", "[a](a.md) oder [b](b.md)"), as "or" does in
// English, alone or after a comma.
var orWords = wordSet("或", "或者", "或是", "または", "또는", "или", "oder", "ou", "o", "of", "lub", "albo", "nebo", "veya", "ya da", "eller", "أو", "או")

// translatedOr reports whether the text between two links of a type cell
// is a translated "or" (", oder" included).
func translatedOr(between string) bool {
	return orWords[strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(between, ","), "，"))]
}

// compoundSuffixes are the collection words that languages writing
// compounds join to the element's name: "Zeichenfolgensammlung",
// "Tekenreeksverzameling", "Strängsamling".
var compoundSuffixes = []string{"sammlung", "auflistung", "verzameling", "samling"}

// compoundCollection splits such a compound whose first part is a
// translated primitive ("Zeichenfolgen"): a suffix test first, as type
// cells holding one identifier are the most common.
func compoundCollection(s string) (elem string, ok bool) {
	for _, suffix := range compoundSuffixes {
		if n := len(s) - len(suffix); n > 0 && strings.EqualFold(s[n:], suffix) && translatedPrimitives[strings.ToLower(s[:n])] != "" {
			return s[:n], true
		}
	}
	return "", false
}

// titleWords are the words of a translated "x resource type" title
// written in ASCII letters ("Type de ressource lamp", "Tipo di risorsa
// lamp", "lamp-Ressourcentyp"), in lower case; the name is the one other
// identifier.
var titleWords = wordSet("type", "de", "ressource", "tipo", "recurso", "di", "risorsa", "del", "do", "da", "typ", "zasobu",
	"kaynak", "resurstyp", "ressourcentyp", "resourcetype", "resource", "ressurstype", "ressourcetype")

// translatedTitle: a heading in another language, told by a letter
// outside ASCII or one of the ASCII title words.
func translatedTitle(title string) bool {
	if hasNonASCIILetter(title) {
		return true
	}
	for w := range strings.FieldsFuncSeq(title, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if w != "type" && w != "resource" && titleWords[w] {
			return true
		}
	}
	return false
}

// translatedTitleName is the type a translated "x resource type" title
// names: its one identifier that is no title word; "" when there is none,
// or more than one.
func translatedTitleName(title string) string {
	name := ""
	for w := range strings.FieldsFuncSeq(title, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == ':' || r == '：' }) {
		if !isIdentifier(w) || titleWords[strings.ToLower(w)] {
			continue
		}
		if name != "" {
			return ""
		}
		name = w
	}
	return name
}
