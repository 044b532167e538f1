package apilint

import (
	"encoding/base64"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/graphdocgen/docgen/model"
)

// Wire formats of OData JSON (OData JSON Format 4.01, section 7.1, and the
// ABNF's literal forms), as Graph sends them; compiled when first used, as
// docgen links this package for lint and every run would otherwise pay for
// them at start-up.
var (
	dateTimeOffsetRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$`)
	})
	dateRE      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`) })
	timeOfDayRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,12})?)?$`)
	})
	// Edm.Duration is an ISO 8601 duration. OData narrows it to days and
	// time (xsd:dayTimeDuration); years, months and weeks are let pass, as
	// the docs use them and the wire value is still unambiguous to read.
	durationRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^-?P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$`)
	})
)

var intRanges = map[string][2]int64{
	"Edm.Byte":  {0, math.MaxUint8},
	"Edm.SByte": {math.MinInt8, math.MaxInt8},
	"Edm.Int16": {math.MinInt16, math.MaxInt16},
	"Edm.Int32": {math.MinInt32, math.MaxInt32},
	"Edm.Int64": {math.MinInt64, math.MaxInt64},
}

// primitive checks a scalar against an Edm primitive: its JSON kind, then
// its wire format.
func (pc *pageCheck) primitive(path string, n *node, edm string) {
	wantKind := jsonString
	switch edm {
	case "Edm.Boolean":
		wantKind = jsonBool
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Single", "Edm.Decimal":
		wantKind = jsonNumber
	}
	if n.kind != wantKind {
		// Special floating values are strings; so may a Decimal be.
		if n.kind == jsonString && wantKind == jsonNumber && edm != "Edm.Byte" && !strings.HasPrefix(edm, "Edm.Int") && edm != "Edm.SByte" {
			switch n.text {
			case "NaN", "INF", "-INF":
				return
			}
			if _, err := strconv.ParseFloat(n.text, 64); err == nil && edm == "Edm.Decimal" {
				return
			}
		}
		pc.report(n.line, model.APIKindMismatch, "%s is %s (%s) where %s, %s, is documented", name(path), n.kind, snippet(n), edm, wantKind)
		return
	}
	switch edm {
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		pc.integer(path, n, edm)
	case "Edm.DateTimeOffset":
		if !validDateTimeOffset(n.text) {
			pc.report(n.line, model.APIBadDate, "%s is %s, not an Edm.DateTimeOffset (RFC 3339 with a time zone: 2006-01-02T15:04:05Z)", name(path), snippet(n))
		}
	case "Edm.Date":
		if m := dateRE().FindStringSubmatch(n.text); m == nil || !validDate(m[1], m[2], m[3]) {
			pc.report(n.line, model.APIBadDate, "%s is %s, not an Edm.Date (2006-01-02)", name(path), snippet(n))
		}
	case "Edm.TimeOfDay":
		if m := timeOfDayRE().FindStringSubmatch(n.text); m == nil || !validClock(m[1], m[2], m[3]) {
			pc.report(n.line, model.APIBadDate, "%s is %s, not an Edm.TimeOfDay (15:04:05.0000000)", name(path), snippet(n))
		}
	case "Edm.Duration":
		if !validDuration(n.text) {
			pc.report(n.line, model.APIBadDate, "%s is %s, not an Edm.Duration (ISO 8601: P1DT2H30M)", name(path), snippet(n))
		}
	case "Edm.Binary":
		if !validBase64(n.text) {
			pc.report(n.line, model.APIBadBase64, "%s is %s, which is not base64 (Edm.Binary)", name(path), snippet(n))
		}
	}
}

// integer checks a JSON number is whole and inside the type's range.
func (pc *pageCheck) integer(path string, n *node, edm string) {
	r := intRanges[edm]
	f, ok := new(big.Float).SetString(n.text)
	if !ok {
		return // the parser accepted it, so it is a JSON number
	}
	i, acc := f.Int(nil)
	if acc != big.Exact {
		pc.report(n.line, model.APIIntegerRange, "%s is %s, not a whole number (%s)", name(path), n.text, edm)
		return
	}
	if i.Cmp(big.NewInt(r[0])) < 0 || i.Cmp(big.NewInt(r[1])) > 0 {
		pc.report(n.line, model.APIIntegerRange, "%s is %s, out of the range of %s (%d to %d)", name(path), n.text, edm, r[0], r[1])
	}
}

func validDateTimeOffset(s string) bool {
	m := dateTimeOffsetRE().FindStringSubmatch(s)
	if m == nil || !validDate(m[1], m[2], m[3]) || !validClock(m[4], m[5], m[6]) {
		return false
	}
	if z := m[7]; z != "Z" {
		h, _ := strconv.Atoi(z[1:3])
		mm, _ := strconv.Atoi(z[4:6])
		return h <= 23 && mm <= 59
	}
	return true
}

func validDuration(s string) bool {
	return durationRE().MatchString(s) && !strings.HasSuffix(s, "P") && !strings.HasSuffix(s, "T")
}

func validDate(y, m, d string) bool {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	// Day 0 of the next month is the last day of this one.
	return day <= time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validClock(h, m, s string) bool {
	hour, _ := strconv.Atoi(h)
	minute, _ := strconv.Atoi(m)
	second := 0
	if s != "" {
		second, _ = strconv.Atoi(s)
	}
	return hour <= 23 && minute <= 59 && second <= 59
}

// validBase64 accepts standard and URL-safe base64, padded or not: OData
// writes base64url, Graph's own responses standard base64.
func validBase64(s string) bool {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if _, err := enc.Strict().DecodeString(s); err == nil {
			return true
		}
	}
	return false
}
