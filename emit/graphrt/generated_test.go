package graphrt_test

import (
	"github.com/graphdocgen/docgen/emit/graphrt"
)

// The types in this file are written by hand in the shape docgen generates,
// so the tests exercise the runtime exactly as generated code uses it.

type JobStatus string

const (
	JobStatusRunning   JobStatus = "running"
	JobStatusSucceeded JobStatus = "succeeded"
)

type Owner struct {
	DisplayName    graphrt.Opt[string] `json:"displayName"`
	Size           graphrt.Opt[int64]  `json:"size"`
	AdditionalData graphrt.Extra       `json:"-"`
}

func (x Owner) MarshalJSON() ([]byte, error) {
	e := graphrt.AcquireEncoder()
	x.EncodeJSON(e)
	return graphrt.ReleaseEncoder(e)
}
func (x *Owner) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x *Owner) EncodeJSON(e *graphrt.Encoder) {
	if x == nil {
		e.Null()
		return
	}
	b := e.BeginObject(x.AdditionalData)
	b = x.appendFields(e, b)
	e.EndObject(b, x.AdditionalData)
}
func (x *Owner) appendFields(e *graphrt.Encoder, b []byte) []byte {
	b = graphrt.AppendString(b, `"displayName":`, x.DisplayName)
	b = graphrt.AppendInt64(b, `"size":`, x.Size)
	return b
}
func (x *Owner) DecodeJSON(d *graphrt.Decoder) error {
	*x = Owner{}
	return d.Object(func(key []byte) error {
		ok, err := x.decodeField(d, key)
		if ok || err != nil {
			return err
		}
		return x.AdditionalData.Decode(d, key)
	})
}
func (x *Owner) decodeField(d *graphrt.Decoder, key []byte) (bool, error) {
	switch string(key) {
	case "displayName":
		return true, d.OptString(&x.DisplayName)
	case "size":
		return true, d.OptInt64(&x.Size)
	}
	return false, nil
}

type AsyncJob struct {
	ID                 graphrt.Opt[string]    `json:"id"`
	PercentageComplete graphrt.Opt[float64]   `json:"percentageComplete"`
	Status             graphrt.Opt[JobStatus] `json:"status"`
	Tags               graphrt.Opt[[]string]  `json:"tags"`
	Attempts           graphrt.Opt[int32]     `json:"attempts"`
	Bytes              graphrt.Opt[int64]     `json:"bytes"`
	Ratio              graphrt.Opt[float32]   `json:"ratio"`
	Done               graphrt.Opt[bool]      `json:"done"`
	Priority           graphrt.Opt[int16]     `json:"priority"`
	Flags              graphrt.Opt[uint8]     `json:"flags"`
	Owner              graphrt.Opt[*Owner]    `json:"owner"`
	History            graphrt.Opt[[]Owner]   `json:"history"`
	// AdditionalData keeps properties the docs do not list, verbatim.
	AdditionalData graphrt.Extra `json:"-"`
}

func (x AsyncJob) MarshalJSON() ([]byte, error) {
	e := graphrt.AcquireEncoder()
	x.EncodeJSON(e)
	return graphrt.ReleaseEncoder(e)
}
func (x *AsyncJob) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x *AsyncJob) EncodeJSON(e *graphrt.Encoder) {
	if x == nil {
		e.Null()
		return
	}
	b := e.BeginObject(x.AdditionalData)
	b = x.appendFields(e, b)
	e.EndObject(b, x.AdditionalData)
}
func (x *AsyncJob) appendFields(e *graphrt.Encoder, b []byte) []byte {
	b = graphrt.AppendString(b, `"id":`, x.ID)
	b = graphrt.AppendFloat64(b, `"percentageComplete":`, x.PercentageComplete)
	b = graphrt.AppendEnum(b, `"status":`, x.Status)
	b = graphrt.AppendEnums(b, `"tags":`, x.Tags)
	b = graphrt.AppendInt32(b, `"attempts":`, x.Attempts)
	b = graphrt.AppendInt64(b, `"bytes":`, x.Bytes)
	b = graphrt.AppendFloat32(b, `"ratio":`, x.Ratio)
	b = graphrt.AppendBool(b, `"done":`, x.Done)
	b = graphrt.AppendInt16(b, `"priority":`, x.Priority)
	b = graphrt.AppendByte(b, `"flags":`, x.Flags)
	b = graphrt.AppendPtr(e, b, `"owner":`, x.Owner)
	b = graphrt.AppendObjects(e, b, `"history":`, x.History)
	return b
}
func (x *AsyncJob) DecodeJSON(d *graphrt.Decoder) error {
	*x = AsyncJob{}
	return d.Object(func(key []byte) error {
		ok, err := x.decodeField(d, key)
		if ok || err != nil {
			return err
		}
		return x.AdditionalData.Decode(d, key)
	})
}
func (x *AsyncJob) decodeField(d *graphrt.Decoder, key []byte) (bool, error) {
	switch string(key) {
	case "id":
		return true, d.OptString(&x.ID)
	case "percentageComplete":
		return true, d.OptFloat64(&x.PercentageComplete)
	case "status":
		return true, graphrt.DecodeOptString(d, &x.Status)
	case "tags":
		return true, graphrt.DecodeOptStrings(d, &x.Tags)
	case "attempts":
		return true, d.OptInt32(&x.Attempts)
	case "bytes":
		return true, d.OptInt64(&x.Bytes)
	case "ratio":
		return true, d.OptFloat32(&x.Ratio)
	case "done":
		return true, d.OptBool(&x.Done)
	case "priority":
		return true, d.OptInt16(&x.Priority)
	case "flags":
		return true, d.OptByte(&x.Flags)
	case "owner":
		return true, graphrt.DecodeOptPtr(d, &x.Owner)
	case "history":
		return true, graphrt.DecodeOptObjects(d, &x.History)
	}
	return false, nil
}

// PrintJob derives from AsyncJob: it embeds the base and delegates to its
// field codecs so the wire stays flat.
type PrintJob struct {
	AsyncJob
	Copies graphrt.Opt[int32] `json:"copies"`
}

func (x PrintJob) MarshalJSON() ([]byte, error) {
	e := graphrt.AcquireEncoder()
	x.EncodeJSON(e)
	return graphrt.ReleaseEncoder(e)
}
func (x *PrintJob) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x *PrintJob) EncodeJSON(e *graphrt.Encoder) {
	if x == nil {
		e.Null()
		return
	}
	b := e.BeginObject(x.AdditionalData)
	b = x.appendFields(e, b)
	e.EndObject(b, x.AdditionalData)
}
func (x *PrintJob) appendFields(e *graphrt.Encoder, b []byte) []byte {
	b = x.AsyncJob.appendFields(e, b)
	b = graphrt.AppendInt32(b, `"copies":`, x.Copies)
	return b
}
func (x *PrintJob) DecodeJSON(d *graphrt.Decoder) error {
	*x = PrintJob{}
	return d.Object(func(key []byte) error {
		ok, err := x.decodeField(d, key)
		if ok || err != nil {
			return err
		}
		return x.AdditionalData.Decode(d, key)
	})
}
func (x *PrintJob) decodeField(d *graphrt.Decoder, key []byte) (bool, error) {
	if ok, err := x.AsyncJob.decodeField(d, key); ok || err != nil {
		return ok, err
	}
	switch string(key) {
	case "copies":
		return true, d.OptInt32(&x.Copies)
	}
	return false, nil
}
