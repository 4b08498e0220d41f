import Foundation
import SkillPathCLI

exit(SkillPathCLI.main(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
