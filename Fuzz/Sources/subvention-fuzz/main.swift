import Foundation

// The executable's entry point hands over to libFuzzer's driver (SwiftPM gives the executable its own `main`, so
// libFuzzer's is not used): same command-line options as any libFuzzer binary.

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, { data, size in fuzzOneInput(data, size) }))
