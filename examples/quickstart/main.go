// Command quickstart decodes Microsoft Graph responses with the types
// docgen generates from the pages in resources/ into graph/:
//
//	go generate ./...   # runs go tool docgen (see graph/gen.go)
//	go run .
package main

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/graphdocgen/docgen/graphrt"

	"example.com/quickstart/graph"
)

// GET /users/{id}: mail is null, mobilePhone absent, @odata.context
// undocumented.
const userResponse = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","jobTitle":"Retail Manager","mail":null,"businessPhones":["+1 425 555 0109"]}`

// GET /groups/{id}/members, one page of two: users and groups mixed.
const membersPage = `{"@odata.nextLink":"https://graph.microsoft.com/v1.0/groups/02bd9fd6/members?$skiptoken=X1","value":[
{"@odata.type":"#microsoft.graph.user","id":"1","displayName":"Adele Vance"},
{"@odata.type":"#microsoft.graph.group","id":"2","displayName":"Sales"}]}`

func main() {
	// Decode a response.
	var u graph.User
	if err := json.Unmarshal([]byte(userResponse), &u); err != nil {
		log.Fatal(err)
	}
	fmt.Println("user:", graphrt.Or(u.DisplayName, "?"), "/", graphrt.Or(u.JobTitle, "no title"))
	fmt.Println("mail null:", graphrt.IsNull(u.Mail), "- mobilePhone absent:", graphrt.IsAbsent(u.MobilePhone))

	// Page through a collection whose elements are users, groups, ...
	page, err := graphrt.UnmarshalPage([]byte(membersPage), graph.DecodeDirectoryObjectKind)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range graphrt.Or(page.Value, nil) {
		switch m := m.(type) {
		case *graph.User:
			fmt.Println("member user:", graphrt.Or(m.DisplayName, ""))
		case *graph.Group:
			fmt.Println("member group:", graphrt.Or(m.DisplayName, ""))
		}
	}
	if next, ok := graphrt.Get(page.NextLink); ok {
		fmt.Println("next page:", next) // GET it and decode the same way
	}

	// PATCH /users/{id}: set the job title, clear the office location.
	patch := graph.User{JobTitle: graphrt.Some("Sales Lead"), OfficeLocation: graphrt.Null[string]()}
	body, err := json.Marshal(patch)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("PATCH body:", string(body))

	// Nothing is lost: re-encoding keeps what the docs do not list.
	again, err := json.Marshal(u)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("re-encoded:", string(again))
}
