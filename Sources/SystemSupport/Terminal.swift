import Glibc

/// What the process's terminal can do: whether a stream is a TTY and how wide it is.
public enum Terminal {
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The width of the terminal on `descriptor`, then `$COLUMNS`; unlimited for pipes and files, so that
    /// nothing piped on is cut short.
    public static func width(of descriptor: Int32 = 1, environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return Int.max / 2
    }

    /// The height of the terminal on `descriptor`, then `$LINES`, then 24: how many lines fit before a
    /// listing needs a pager.
    public static func height(of descriptor: Int32 = 1, environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return Int(size.ws_row)
        }
        if let lines = environment["LINES"].flatMap(Int.init), lines > 0 { return lines }
        return 24
    }
}
