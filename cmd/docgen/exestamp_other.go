//go:build !linux

package main

import "os"

// exeStamp is empty where no change time is known: the executable is
// hashed on every run.
func exeStamp(path string, info os.FileInfo) string { return "" }
