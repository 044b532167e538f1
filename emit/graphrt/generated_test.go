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
	var e graphrt.Encoder
	x.EncodeJSON(&e)
	return e.Bytes(), e.Err()
}
func (x *Owner) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x Owner) EncodeJSON(e *graphrt.Encoder) {
	e.ObjectStart()
	x.encodeFields(e)
	x.AdditionalData.Encode(e)
	e.ObjectEnd()
}
func (x Owner) encodeFields(e *graphrt.Encoder) {
	graphrt.EncodeOpt(e, "displayName", x.DisplayName, (*graphrt.Encoder).String)
	graphrt.EncodeOpt(e, "size", x.Size, (*graphrt.Encoder).Int64)
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
		return true, graphrt.DecodeOpt(d, &x.DisplayName, (*graphrt.Decoder).String)
	case "size":
		return true, graphrt.DecodeOpt(d, &x.Size, (*graphrt.Decoder).Int64)
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
	Owner              graphrt.Opt[Owner]     `json:"owner"`
	History            graphrt.Opt[[]Owner]   `json:"history"`
	// AdditionalData keeps properties the docs do not list, verbatim.
	AdditionalData graphrt.Extra `json:"-"`
}

func (x AsyncJob) MarshalJSON() ([]byte, error) {
	var e graphrt.Encoder
	x.EncodeJSON(&e)
	return e.Bytes(), e.Err()
}
func (x *AsyncJob) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x AsyncJob) EncodeJSON(e *graphrt.Encoder) {
	e.ObjectStart()
	x.encodeFields(e)
	x.AdditionalData.Encode(e)
	e.ObjectEnd()
}
func (x AsyncJob) encodeFields(e *graphrt.Encoder) {
	graphrt.EncodeOpt(e, "id", x.ID, (*graphrt.Encoder).String)
	graphrt.EncodeOpt(e, "percentageComplete", x.PercentageComplete, (*graphrt.Encoder).Float64)
	graphrt.EncodeOpt(e, "status", x.Status, func(e *graphrt.Encoder, v JobStatus) { e.String(string(v)) })
	graphrt.EncodeOpt(e, "tags", x.Tags, graphrt.SliceEncoder((*graphrt.Encoder).String))
	graphrt.EncodeOpt(e, "attempts", x.Attempts, (*graphrt.Encoder).Int32)
	graphrt.EncodeOpt(e, "bytes", x.Bytes, (*graphrt.Encoder).Int64)
	graphrt.EncodeOpt(e, "ratio", x.Ratio, (*graphrt.Encoder).Float32)
	graphrt.EncodeOpt(e, "done", x.Done, (*graphrt.Encoder).Bool)
	graphrt.EncodeOpt(e, "priority", x.Priority, (*graphrt.Encoder).Int16)
	graphrt.EncodeOpt(e, "flags", x.Flags, (*graphrt.Encoder).Byte)
	graphrt.EncodeOpt(e, "owner", x.Owner, graphrt.EncodeObject[Owner])
	graphrt.EncodeOpt(e, "history", x.History, graphrt.SliceEncoder(graphrt.EncodeObject[Owner]))
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
		return true, graphrt.DecodeOpt(d, &x.ID, (*graphrt.Decoder).String)
	case "percentageComplete":
		return true, graphrt.DecodeOpt(d, &x.PercentageComplete, (*graphrt.Decoder).Float64)
	case "status":
		return true, graphrt.DecodeOpt(d, &x.Status, graphrt.StringDecoder[JobStatus])
	case "tags":
		return true, graphrt.DecodeOpt(d, &x.Tags, graphrt.SliceDecoder((*graphrt.Decoder).String))
	case "attempts":
		return true, graphrt.DecodeOpt(d, &x.Attempts, (*graphrt.Decoder).Int32)
	case "bytes":
		return true, graphrt.DecodeOpt(d, &x.Bytes, (*graphrt.Decoder).Int64)
	case "ratio":
		return true, graphrt.DecodeOpt(d, &x.Ratio, (*graphrt.Decoder).Float32)
	case "done":
		return true, graphrt.DecodeOpt(d, &x.Done, (*graphrt.Decoder).Bool)
	case "priority":
		return true, graphrt.DecodeOpt(d, &x.Priority, (*graphrt.Decoder).Int16)
	case "flags":
		return true, graphrt.DecodeOpt(d, &x.Flags, (*graphrt.Decoder).Byte)
	case "owner":
		return true, graphrt.DecodeOpt(d, &x.Owner, graphrt.DecodeObject[Owner])
	case "history":
		return true, graphrt.DecodeOpt(d, &x.History, graphrt.SliceDecoder(graphrt.DecodeObject[Owner]))
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
	var e graphrt.Encoder
	x.EncodeJSON(&e)
	return e.Bytes(), e.Err()
}
func (x *PrintJob) UnmarshalJSON(b []byte) error { return graphrt.Unmarshal(b, x) }
func (x PrintJob) EncodeJSON(e *graphrt.Encoder) {
	e.ObjectStart()
	x.encodeFields(e)
	x.AdditionalData.Encode(e)
	e.ObjectEnd()
}
func (x PrintJob) encodeFields(e *graphrt.Encoder) {
	x.AsyncJob.encodeFields(e)
	graphrt.EncodeOpt(e, "copies", x.Copies, (*graphrt.Encoder).Int32)
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
		return true, graphrt.DecodeOpt(d, &x.Copies, (*graphrt.Decoder).Int32)
	}
	return false, nil
}
