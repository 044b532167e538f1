package graphrt_test

import (
	"unsafe"

	"github.com/graphdocgen/docgen/graphrt"
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
	return graphrt.MarshalStruct(unsafe.Pointer(&x), &codecOfOwner)
}
func (x *Owner) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalObject(b, x, &codecOfOwner)
}

var codecOfOwner = graphrt.Struct{
	Extra: unsafe.Offsetof(Owner{}.AdditionalData),
	Fields: []graphrt.Field{
		{Name: "displayName", Offset: uint32(unsafe.Offsetof(Owner{}.DisplayName)), Kind: graphrt.FieldString},
		{Name: "size", Offset: uint32(unsafe.Offsetof(Owner{}.Size)), Kind: graphrt.FieldInt64},
	},
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
	return graphrt.MarshalStruct(unsafe.Pointer(&x), &codecOfAsyncJob)
}
func (x *AsyncJob) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalObject(b, x, &codecOfAsyncJob)
}

var codecOfAsyncJob = graphrt.Struct{
	Extra: unsafe.Offsetof(AsyncJob{}.AdditionalData),
	Fields: []graphrt.Field{
		{Name: "id", Offset: uint32(unsafe.Offsetof(AsyncJob{}.ID)), Kind: graphrt.FieldString},
		{Name: "percentageComplete", Offset: uint32(unsafe.Offsetof(AsyncJob{}.PercentageComplete)), Kind: graphrt.FieldFloat64},
		{Name: "status", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Status)), Kind: graphrt.FieldString},
		{Name: "tags", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Tags)), Kind: graphrt.FieldString, List: true},
		{Name: "attempts", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Attempts)), Kind: graphrt.FieldInt32},
		{Name: "bytes", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Bytes)), Kind: graphrt.FieldInt64},
		{Name: "ratio", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Ratio)), Kind: graphrt.FieldFloat32},
		{Name: "done", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Done)), Kind: graphrt.FieldBool},
		{Name: "priority", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Priority)), Kind: graphrt.FieldInt16},
		{Name: "flags", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Flags)), Kind: graphrt.FieldByte},
		{Name: "owner", Offset: uint32(unsafe.Offsetof(AsyncJob{}.Owner)), Type: (*Owner)(nil)},
		{Name: "history", Offset: uint32(unsafe.Offsetof(AsyncJob{}.History)), Type: (*Owner)(nil), List: true},
	},
}

// PrintJob derives from AsyncJob: it embeds the base, and its table names
// the base's, so the wire stays flat.
type PrintJob struct {
	AsyncJob
	Copies graphrt.Opt[int32] `json:"copies"`
}

func (x PrintJob) MarshalJSON() ([]byte, error) {
	return graphrt.MarshalStruct(unsafe.Pointer(&x), &codecOfPrintJob)
}
func (x *PrintJob) UnmarshalJSON(b []byte) error {
	return graphrt.UnmarshalObject(b, x, &codecOfPrintJob)
}

var codecOfPrintJob = graphrt.Struct{
	Base:       &codecOfAsyncJob,
	BaseOffset: unsafe.Offsetof(PrintJob{}.AsyncJob),
	ODataType:  "test.printJob",
	Fields: []graphrt.Field{
		{Name: "copies", Offset: uint32(unsafe.Offsetof(PrintJob{}.Copies)), Kind: graphrt.FieldInt32},
	},
}

// AsyncJobKind is how docgen types a slot declared as AsyncJob, which has
// a derived type: the value is an *AsyncJob or a *PrintJob.
type AsyncJobKind interface {
	graphrt.Object
	GetAsyncJob() *AsyncJob
}

func (x *AsyncJob) GetAsyncJob() *AsyncJob { return x }

// DecodeAsyncJobKind reads the type "@odata.type" names.
func DecodeAsyncJobKind(d *graphrt.Decoder) (AsyncJobKind, error) {
	var v AsyncJobKind
	switch string(d.ODataType()) {
	case "test.printJob":
		v = new(PrintJob)
	default:
		if d.Null() {
			return nil, nil
		}
		v = new(AsyncJob)
	}
	if err := graphrt.Decode(d, v); err != nil {
		return nil, err
	}
	return v, nil
}

// EncodeAsyncJobKind writes v with "@odata.type" when it is derived.
func EncodeAsyncJobKind(e *graphrt.Encoder, v AsyncJobKind) {
	graphrt.EncodeKind(e, v, (*AsyncJob)(nil))
}
