using System.Text;
using System.Xml;

namespace Wb6Graph.Export;

/// <summary>The XmlWriter set-up and calls GraphML and GEXF share.</summary>
internal static class XmlExport
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        // Async so that an HTTP response (which forbids synchronous I/O) can be the output.
        Async = true,
        Indent = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        // Keeps \r\n in names and descriptions as written; a reader would otherwise normalise it to \n.
        NewLineHandling = NewLineHandling.Entitize,
    });

    public static Task StartAsync(this XmlWriter xml, string name) =>
        xml.WriteStartElementAsync(null, name, null);

    public static Task AttributeAsync(this XmlWriter xml, string name, string value) =>
        xml.WriteAttributeStringAsync(null, name, null, Clean(value));

    public static Task TextAsync(this XmlWriter xml, string value) => xml.WriteStringAsync(Clean(value));

    /// <summary>
    /// Drops what XML 1.0 cannot hold even escaped (most C0 controls, lone surrogates): names and descriptions
    /// come from users, and one stray character must not abort a million-node export.
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { i++; continue; }
            return false;
        }
        return true;
    }
}
