import Foundation

/// What `apigen generate` can tell from a package manifest's text without running SwiftPM: whether
/// some target already compiles a service's generated directory.
public enum PackageManifest {
    /// Whether `manifest` (the text of a `Package.swift`) has a target for the generated files in
    /// `<outputDirectory>/<directory>`: a target whose `path:` names that directory, whatever the
    /// target is called (`.target(name: "ShopKit", path: "Generated/Shop")`); an entry of a
    /// `services` table of `(target, directory)` pairs, as in apigen's own manifest
    /// (`("ShopAPI", "Shop"),`); or a target with the default name `target`.
    public static func hasTarget(
        named target: String, forDirectory directory: String, outputDirectory: String, in manifest: String
    ) -> Bool {
        if manifest.contains("\"\(target)\"") { return true }
        let base = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        for path in ["\(base)/\(directory)", "./\(base)/\(directory)"] {
            if manifest.contains("\"\(path)\"") || manifest.contains("\"\(path)/\"") { return true }
        }
        return containsPair(endingWith: directory, in: manifest)
    }

    /// Whether `manifest` has a pair of string literals `("…", "<directory>")`.
    private static func containsPair(endingWith directory: String, in manifest: String) -> Bool {
        var rest = Substring(manifest)
        let needle = "\"\(directory)\""
        while let found = rest.range(of: needle) {
            defer { rest = rest[found.upperBound...] }
            let after = rest[found.upperBound...].drop { $0 == " " || $0 == "\t" }
            guard after.first == ")" else { continue }
            let before = rest[..<found.lowerBound].reversed().drop { $0 == " " || $0 == "\t" }
            guard before.first == "," else { continue }
            // `"<target>"` then `(` before the comma.
            let literal = before.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard literal.first == "\"" else { continue }
            let opening = literal.dropFirst().drop { $0 != "\"" && $0 != "\n" }
            guard opening.first == "\"", opening.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).first == "("
            else { continue }
            return true
        }
        return false
    }
}
