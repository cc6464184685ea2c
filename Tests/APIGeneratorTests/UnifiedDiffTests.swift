import APIGenerator
import Testing

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b") == "")
    }

    @Test func oneChangedLineWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.diff(old: old, new: new, oldName: "a/x", newName: "b/x") == """
                --- a/x
                +++ b/x
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test func newFileIsAllAdditions() {
        #expect(
            UnifiedDiff.diff(old: "", new: "a\nb\n", oldName: "/dev/null", newName: "b/x")
                == "--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    }
}
