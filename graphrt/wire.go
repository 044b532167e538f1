package graphrt

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// EncodeRaw writes raw JSON verbatim; an empty value is written as null.
func encodeRaw(e *Encoder, v json.RawMessage) {
	if len(v) == 0 {
		e.encNull()
		return
	}
	e.encRaw(v)
}

// The OData primitives below keep the exact text the service sent, so a
// decode/encode cycle gives back the same bytes; accessors parse on demand
// and constructors format values the way Graph writes them.

// DateTimeOffset is an Edm.DateTimeOffset: RFC 3339 with up to seven
// fractional digits and any offset.
type DateTimeOffset string

// NewDateTimeOffset formats t as Graph does, with seven fractional digits
// when t has a fraction and its own offset (Z for UTC).
func NewDateTimeOffset(t time.Time) DateTimeOffset {
	if t.Nanosecond() == 0 {
		return DateTimeOffset(t.Format("2006-01-02T15:04:05Z07:00"))
	}
	return DateTimeOffset(t.Format("2006-01-02T15:04:05.0000000Z07:00"))
}

// Time parses the value; any number of fractional digits up to nine is accepted.
func (v DateTimeOffset) Time() (time.Time, error) { return time.Parse(time.RFC3339Nano, string(v)) }

func (v DateTimeOffset) encodeJSON(e *Encoder) { e.encString(string(v)) }
func (v *DateTimeOffset) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = DateTimeOffset(s)
	return err
}

// Date is an Edm.Date: 2006-01-02.
type Date string

// NewDate formats the calendar date of t.
func NewDate(t time.Time) Date { return Date(t.Format(time.DateOnly)) }

// Time parses the date as midnight UTC.
func (v Date) Time() (time.Time, error) { return time.Parse(time.DateOnly, string(v)) }

func (v Date) encodeJSON(e *Encoder) { e.encString(string(v)) }
func (v *Date) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = Date(s)
	return err
}

// TimeOfDay is an Edm.TimeOfDay: 15:04:05 with up to seven fractional digits.
type TimeOfDay string

// NewTimeOfDay formats the clock time of t as Graph does (15:04:05.0000000).
func NewTimeOfDay(t time.Time) TimeOfDay { return TimeOfDay(t.Format("15:04:05.0000000")) }

// Duration returns the time since midnight. Seconds and their fraction
// (up to nine digits) may be left out, as OData allows: "15:04".
func (v TimeOfDay) Duration() (time.Duration, error) {
	t, err := time.Parse("15:04:05.999999999", string(v))
	if err != nil {
		var err2 error
		if t, err2 = time.Parse("15:04", string(v)); err2 != nil {
			return 0, err
		}
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
		time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond()), nil
}

func (v TimeOfDay) encodeJSON(e *Encoder) { e.encString(string(v)) }
func (v *TimeOfDay) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = TimeOfDay(s)
	return err
}

// Duration is an Edm.Duration in ISO 8601 form: P1DT2H30M, PT0.5S, -PT1M.
type Duration string

// NewDuration formats d in days, hours, minutes and seconds, as Graph
// does: 90*time.Minute is PT1H30M, zero is PT0S.
func NewDuration(d time.Duration) Duration {
	var b strings.Builder
	u := uint64(d)
	if d < 0 {
		b.WriteByte('-')
		u = uint64(-d)
	}
	b.WriteByte('P')
	const day = uint64(24 * time.Hour)
	if days := u / day; days > 0 {
		b.WriteString(strconv.FormatUint(days, 10) + "D")
		u %= day
		if u == 0 {
			return Duration(b.String())
		}
	}
	b.WriteByte('T')
	if h := u / uint64(time.Hour); h > 0 {
		b.WriteString(strconv.FormatUint(h, 10) + "H")
		u %= uint64(time.Hour)
	}
	if m := u / uint64(time.Minute); m > 0 {
		b.WriteString(strconv.FormatUint(m, 10) + "M")
		u %= uint64(time.Minute)
	}
	if u > 0 || strings.HasSuffix(b.String(), "T") {
		b.WriteString(strconv.FormatUint(u/1e9, 10))
		if frac := u % 1e9; frac > 0 {
			b.WriteString("." + strings.TrimRight(fmt.Sprintf("%09d", frac), "0"))
		}
		b.WriteByte('S')
	}
	return Duration(b.String())
}

var errDuration = errors.New("graphrt: not an ISO 8601 duration (days, hours, minutes, seconds)")

// Duration parses the value exactly, in integer nanoseconds: any component
// may carry a fraction ("P0.5D", "PT1.2345678S"), weeks and days count as
// 7 and 1 times 24 hours, and a leading '-' negates. Years and months have
// no fixed length and are an error, as is a value beyond time.Duration's
// range.
func (v Duration) Duration() (time.Duration, error) {
	s := string(v)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if len(s) < 2 || s[0] != 'P' {
		return 0, errDuration
	}
	s = s[1:]
	var total uint64 // nanoseconds, at most 1<<63 (for math.MinInt64)
	inTime, any, lastUnit := false, false, ""
	for s != "" {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return 0, errDuration
			}
			inTime, s = true, s[1:]
			continue
		}
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		whole := s[:i]
		var frac string
		if i < len(s) && (s[i] == '.' || s[i] == ',') {
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			frac, i = s[i+1:j], j
		}
		if whole == "" && frac == "" || i == len(s) {
			return 0, errDuration
		}
		var unit uint64
		switch u := s[i]; {
		case !inTime && u == 'W' && lastUnit == "":
			unit = uint64(7 * 24 * time.Hour)
		case !inTime && u == 'D' && (lastUnit == "" || lastUnit == "W"):
			unit = uint64(24 * time.Hour)
		case inTime && u == 'H' && lastUnit != "H" && lastUnit != "M" && lastUnit != "S":
			unit = uint64(time.Hour)
		case inTime && u == 'M' && lastUnit != "M" && lastUnit != "S":
			unit = uint64(time.Minute)
		case inTime && u == 'S' && lastUnit != "S":
			unit = uint64(time.Second)
		default:
			return 0, errDuration
		}
		lastUnit = string(s[i])
		n, ok := component(whole, frac, unit)
		if !ok || n > 1<<63-total {
			return 0, errDuration
		}
		total += n
		any, s = true, s[i+1:]
	}
	if !any || total == 1<<63 && !neg || total > 1<<63 {
		return 0, errDuration
	}
	if neg {
		return time.Duration(-int64(total)), nil // wraps correctly at 1<<63
	}
	return time.Duration(total), nil
}

// component is whole.frac units in nanoseconds, exactly (the fraction is
// truncated below a nanosecond); ok is false on overflow.
func component(whole, frac string, unit uint64) (uint64, bool) {
	var w uint64
	for _, c := range []byte(whole) {
		if w > (1<<63)/10 {
			return 0, false
		}
		w = w*10 + uint64(c-'0')
	}
	hi, n := bits.Mul64(w, unit)
	if hi != 0 || n > 1<<63 {
		return 0, false
	}
	if len(frac) > 18 {
		frac = frac[:18] // beyond a nanosecond of a week
	}
	if frac != "" {
		var f, scale uint64 = 0, 1
		for _, c := range []byte(frac) {
			f, scale = f*10+uint64(c-'0'), scale*10
		}
		// f*unit/scale < unit, so the 128-bit quotient fits in 64 bits.
		hi, lo := bits.Mul64(f, unit)
		q, _ := bits.Div64(hi, lo, scale)
		if n += q; n > 1<<63 {
			return 0, false
		}
	}
	return n, true
}

func (v Duration) encodeJSON(e *Encoder) { e.encString(string(v)) }
func (v *Duration) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = Duration(s)
	return err
}

// Decimal is an Edm.Decimal kept as its decimal text, so no digit is lost
// to float rounding. It is written as a JSON number; the string form used
// with IEEE754Compatible=true is read too and written back as it came.
type Decimal struct {
	Text     string
	IsString bool // the value arrived as a JSON string
}

// NewDecimal returns a Decimal from its text, such as "12.3400".
func NewDecimal(text string) Decimal { return Decimal{Text: text} }

// Float64 converts the value, with the rounding that implies.
func (v Decimal) Float64() (float64, error) { return strconv.ParseFloat(v.Text, 64) }

func (v Decimal) encodeJSON(e *Encoder) {
	if v.IsString || !json.Valid([]byte(v.Text)) {
		e.encString(v.Text)
		return
	}
	e.encRaw([]byte(v.Text))
}

func (v *Decimal) decodeJSON(d *Decoder) error {
	switch d.peek() {
	case kindString:
		s, err := d.decString()
		*v = Decimal{Text: s, IsString: true}
		return err
	case kindNumber:
		raw, err := d.raw()
		*v = Decimal{Text: string(raw)}
		return err
	}
	_, err := d.decFloat64() // reports the mismatch with its offset
	if err == nil {
		err = errors.New("graphrt: decimal expected")
	}
	return err
}

func (v Decimal) MarshalJSON() ([]byte, error) {
	var e Encoder
	v.encodeJSON(&e)
	return e.Bytes(), e.Err()
}

func (v *Decimal) UnmarshalJSON(b []byte) error { return unmarshalSelf(b, v) }

// GUID is an Edm.Guid in its text form.
type GUID string

func (v GUID) encodeJSON(e *Encoder) { e.encString(string(v)) }
func (v *GUID) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = GUID(s)
	return err
}

// Binary is an Edm.Binary: bytes sent as base64, kept as the text that
// was sent, so that a value that is not canonical (unpadded, URL-safe, or
// with stray bits in its last character, as in "Binary") is written back
// exactly as it came. Bytes decodes it, and reports text that is not
// base64; NewBinary writes standard base64.
type Binary string

var binaryEncodings = []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding}

// NewBinary returns b as standard, padded base64.
func NewBinary(b []byte) Binary { return Binary(base64.StdEncoding.EncodeToString(b)) }

// Bytes decodes the value: standard or URL-safe base64, padded or not.
func (v Binary) Bytes() ([]byte, error) {
	for _, enc := range binaryEncodings {
		if b, err := enc.DecodeString(string(v)); err == nil {
			return b, nil
		}
	}
	return nil, errBinary
}

var errBinary = errors.New("graphrt: invalid base64 in binary value")

func (v Binary) encodeJSON(e *Encoder) { e.encString(string(v)) }

// decodeJSON keeps the text as it came, like the other wire types: a value
// that is not base64 (a placeholder in an example, say) round-trips too,
// and Bytes reports it.
func (v *Binary) decodeJSON(d *Decoder) error {
	s, err := d.decString()
	*v = Binary(s)
	return err
}
