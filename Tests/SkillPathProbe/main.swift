// skillpath-probe: a tiny client the tests run as other Unix users (through runuser) to hold connections
// and to send slowly, which the test process itself cannot do under another uid.
//
//   skillpath-probe hold SOCKET COUNT      opens COUNT connections, sends system.health on each, prints
//                                         "admitted" or "refused: MESSAGE" per connection, then "ready",
//                                         and keeps them open until its stdin closes.
//   skillpath-probe trickle SOCKET SECONDS sends a request one byte every SECONDS; prints how many bytes
//                                         went out before the daemon closed, and what it said.
//   skillpath-probe calls SOCKET -         sends each line of stdin as a request on one connection and prints
//                                         each reply on its own line (many calls as one user, one process).
import Foundation
import Glibc

func connectTo(_ path: String) -> Int32? {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard result == 0 else {
        close(descriptor)
        return nil
    }
    var limit = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    return descriptor
}

func readLine(_ descriptor: Int32) -> String? {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while read(descriptor, &byte, 1) == 1 {
        if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
        line.append(byte)
    }
    return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
}

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    say("usage: skillpath-probe hold SOCKET COUNT | trickle SOCKET SECONDS | calls SOCKET -")
    exit(64)
}
let path = arguments[2]
switch arguments[1] {
case "hold":
    var held: [Int32] = []
    for _ in 0..<(Int(arguments[3]) ?? 1) {
        guard let descriptor = connectTo(path) else {
            say("refused: cannot connect")
            continue
        }
        let request = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.health"}"#.utf8) + [0x0A]
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let reply = readLine(descriptor) ?? ""
        if reply.contains("\"result\"") {
            say("admitted")
            held.append(descriptor)
        } else {
            say("refused: \(reply)")
            close(descriptor)
        }
    }
    say("ready")
    _ = FileHandle.standardInput.readDataToEndOfFile()
    for descriptor in held { close(descriptor) }
case "trickle":
    guard let descriptor = connectTo(path) else {
        say("cannot connect")
        exit(1)
    }
    let interval = Double(arguments[3]) ?? 1
    let request = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.health"}"#.utf8)
    var sent = 0
    var flags = fcntl(descriptor, F_GETFL)
    flags |= O_NONBLOCK
    _ = fcntl(descriptor, F_SETFL, flags)
    let started = Date()
    var answer = ""
    trickling: for byte in request {
        var one = byte
        if send(descriptor, &one, 1, Int32(MSG_NOSIGNAL)) != 1 { break }
        sent += 1
        // Wait for the interval, watching for the daemon to answer (and hang up) meanwhile.
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if poll(&descriptors, 1, Int32(interval * 1000)) > 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 { answer = String(decoding: buffer[0..<count], as: UTF8.self) }
            break trickling
        }
    }
    say("sent \(sent) of \(request.count) bytes in \(Int(Date().timeIntervalSince(started))) s; daemon said: \(answer.trimmingCharacters(in: .newlines))")
case "calls":
    guard let descriptor = connectTo(path) else {
        say("cannot connect")
        exit(1)
    }
    while let line = Swift.readLine(strippingNewline: true) {
        let request = Array(line.utf8) + [0x0A]
        var offset = 0
        while offset < request.count {
            let count = request.withUnsafeBytes { send(descriptor, $0.baseAddress?.advanced(by: offset), $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { exit(1) }
            offset += count
        }
        say(readLine(descriptor) ?? "no reply")
    }
default:
    say("unknown command \(arguments[1])")
    exit(64)
}
