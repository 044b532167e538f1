package graphrt

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// EncodeString writes a string-kinded value (a generated enum) as a JSON string.
func EncodeString[T ~string](e *Encoder, v T) { e.String(string(v)) }

// EncodeRaw writes raw JSON verbatim; an empty value is written as null.
func EncodeRaw(e *Encoder, v json.RawMessage) {
	if len(v) == 0 {
		e.Null()
		return
	}
	e.Raw(v)
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

func (v DateTimeOffset) EncodeJSON(e *Encoder) { e.String(string(v)) }
func (v *DateTimeOffset) DecodeJSON(d *Decoder) error {
	s, err := d.String()
	*v = DateTimeOffset(s)
	return err
}

// Date is an Edm.Date: 2006-01-02.
type Date string

// NewDate formats the calendar date of t.
func NewDate(t time.Time) Date { return Date(t.Format(time.DateOnly)) }

// Time parses the date as midnight UTC.
func (v Date) Time() (time.Time, error) { return time.Parse(time.DateOnly, string(v)) }

func (v Date) EncodeJSON(e *Encoder) { e.String(string(v)) }
func (v *Date) DecodeJSON(d *Decoder) error {
	s, err := d.String()
	*v = Date(s)
	return err
}

// TimeOfDay is an Edm.TimeOfDay: 15:04:05 with up to seven fractional digits.
type TimeOfDay string

// NewTimeOfDay formats the clock time of t as Graph does (15:04:05.0000000).
func NewTimeOfDay(t time.Time) TimeOfDay { return TimeOfDay(t.Format("15:04:05.0000000")) }

// Duration returns the time since midnight.
func (v TimeOfDay) Duration() (time.Duration, error) {
	t, err := time.Parse("15:04:05.999999999", string(v))
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
		time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond()), nil
}

func (v TimeOfDay) EncodeJSON(e *Encoder) { e.String(string(v)) }
func (v *TimeOfDay) DecodeJSON(d *Decoder) error {
	s, err := d.String()
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

var errDuration = errors.New("graphrt: not an ISO 8601 duration")

// Duration parses the value. Days count as 24 hours; years and months have
// no fixed length and are an error.
func (v Duration) Duration() (time.Duration, error) {
	s := string(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if !strings.HasPrefix(s, "P") || len(s) < 2 {
		return 0, errDuration
	}
	s = s[1:]
	var total float64
	inTime, any := false, false
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return 0, errDuration
			}
			inTime, s = true, s[1:]
			continue
		}
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 || i == len(s) {
			return 0, errDuration
		}
		n, err := strconv.ParseFloat(s[:i], 64)
		if err != nil {
			return 0, errDuration
		}
		var unit time.Duration
		switch {
		case !inTime && s[i] == 'D':
			unit = 24 * time.Hour
		case !inTime && s[i] == 'W':
			unit = 7 * 24 * time.Hour
		case inTime && s[i] == 'H':
			unit = time.Hour
		case inTime && s[i] == 'M':
			unit = time.Minute
		case inTime && s[i] == 'S':
			unit = time.Second
		default:
			return 0, errDuration
		}
		total += n * float64(unit)
		any, s = true, s[i+1:]
	}
	if !any || total > math.MaxInt64 {
		return 0, errDuration
	}
	if neg {
		total = -total
	}
	return time.Duration(math.Round(total)), nil
}

func (v Duration) EncodeJSON(e *Encoder) { e.String(string(v)) }
func (v *Duration) DecodeJSON(d *Decoder) error {
	s, err := d.String()
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

func (v Decimal) EncodeJSON(e *Encoder) {
	if v.IsString || !json.Valid([]byte(v.Text)) {
		e.String(v.Text)
		return
	}
	e.Raw([]byte(v.Text))
}

func (v *Decimal) DecodeJSON(d *Decoder) error {
	switch d.Peek() {
	case KindString:
		s, err := d.String()
		*v = Decimal{Text: s, IsString: true}
		return err
	case KindNumber:
		raw, err := d.Raw()
		*v = Decimal{Text: string(raw)}
		return err
	}
	_, err := d.Float64() // reports the mismatch with its offset
	if err == nil {
		err = errors.New("graphrt: decimal expected")
	}
	return err
}

func (v Decimal) MarshalJSON() ([]byte, error) {
	var e Encoder
	v.EncodeJSON(&e)
	return e.Bytes(), e.Err()
}

func (v *Decimal) UnmarshalJSON(b []byte) error { return Unmarshal(b, v) }

// GUID is an Edm.Guid in its text form.
type GUID string

func (v GUID) EncodeJSON(e *Encoder) { e.String(string(v)) }
func (v *GUID) DecodeJSON(d *Decoder) error {
	s, err := d.String()
	*v = GUID(s)
	return err
}

// Binary is an Edm.Binary: bytes sent as standard base64 (URL-safe accepted).
type Binary []byte

func (v Binary) EncodeJSON(e *Encoder) { e.buf = appendBase64(sep(e.buf), v) }

// appendBase64 writes v as a JSON string of standard base64, which needs no
// escaping.
func appendBase64(b []byte, v []byte) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, v)
	return append(b, '"')
}
func (v *Binary) DecodeJSON(d *Decoder) error {
	off := d.Offset()
	s, err := d.String()
	if err != nil {
		return err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.URLEncoding.DecodeString(s); err != nil {
			return &DecodeError{Offset: off, Msg: "invalid base64 in binary value"}
		}
	}
	*v = b
	return nil
}

// EncodePtr writes a nested object held by pointer (how generated structs
// hold single nested objects, so recursive types stay finite); nil is null.
func EncodePtr[T ObjectEncoder](e *Encoder, v *T) {
	if v == nil {
		e.Null()
		return
	}
	(*v).EncodeJSON(e)
}

// DecodePtr reads a nested object into a new value.
func DecodePtr[T any, P interface {
	*T
	ObjectDecoder
}](d *Decoder) (*T, error) {
	v := new(T)
	if err := P(v).DecodeJSON(d); err != nil {
		return nil, err
	}
	return v, nil
}
