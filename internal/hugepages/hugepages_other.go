//go:build !linux

package hugepages

func advise(int) bool { return false }

func always() bool { return false }

func advisable(int) bool { return false }
