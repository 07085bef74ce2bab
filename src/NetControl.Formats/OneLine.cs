using System.Text;

namespace NetControl.Formats;

/// <summary>Keeps error messages on one line: input echoed in them may hold line breaks and other control characters.</summary>
internal static class OneLine
{
    public static string Of(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var s = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            s.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return s.ToString();
    }
}
