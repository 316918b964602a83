using Refinery.Storage;

namespace Refinery.Formats.Folders;

/// <summary>
/// Pairs each image of a listing with the VOC file beside it (same folder, same stem, <c>.xml</c> in any case) from
/// the listing alone — one request per page of keys instead of a probe per image and casing, which is what makes
/// planning over S3 affordable. Images come out in the listing's order.
/// </summary>
/// <remarks>
/// The listing is in <see cref="DepthFirstKeyComparer"/> order, so an image's annotation can come before it
/// (<c>a.XML</c> before <c>a.jpg</c>) or after it, possibly behind a sub-folder's contents (<c>a.jpg</c>,
/// <c>a.k/…</c>, <c>a.xml</c>). An image waits until the listing has passed <c>stem + ".xml"</c>, the last place its
/// annotation could be; a seen annotation is kept until the listing has passed every image key its stem allows.
/// Memory follows how far apart an image and its annotation lie, never the listing's size.
/// </remarks>
internal sealed class AnnotationMatcher
{
    private const string AnnotationExtension = ".xml";

    // Above every letter, so "stem.{" sorts after every "stem.<extension>" an image can have.
    private const string PastEveryExtension = ".{";

    private readonly Queue<MatchedImage> _inOrder = new();
    private readonly Dictionary<string, List<MatchedImage>> _waitingByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectPath> _annotationsByStem = new(StringComparer.Ordinal);
    private readonly Queue<string> _annotationStems = new();

    // Reused by every call: a listing of millions of keys should not cost a list per key.
    private readonly List<MatchedImage> _released = [];

    /// <summary>Takes the listing's next object and returns the images whose annotation is now settled, valid until the next call.</summary>
    public IReadOnlyList<MatchedImage> Accept(ObjectInfo next)
    {
        var key = next.Path.Key;
        if (key.EndsWith(AnnotationExtension, StringComparison.OrdinalIgnoreCase))
        {
            AcceptAnnotation(next.Path, key[..^AnnotationExtension.Length]);
        }
        else if (ImageFileTypes.IsImage(key))
        {
            AcceptImage(next);
        }

        ForgetAnnotationsPassedBy(key);
        return Release(key);
    }

    /// <summary>The images still waiting once the listing has ended; none of them has an annotation yet.</summary>
    public IReadOnlyList<MatchedImage> Finish()
    {
        var rest = _inOrder.ToList();
        _inOrder.Clear();
        _waitingByStem.Clear();
        return rest;
    }

    private static string StemOf(string key) => key[..key.LastIndexOf('.')];

    private void AcceptAnnotation(ObjectPath annotation, string stem)
    {
        if (!_annotationsByStem.TryAdd(stem, annotation))
        {
            return;
        }

        _annotationStems.Enqueue(stem);
        if (_waitingByStem.Remove(stem, out var waiting))
        {
            foreach (var image in waiting)
            {
                image.Annotation = annotation;
            }
        }
    }

    private void AcceptImage(ObjectInfo image)
    {
        var stem = StemOf(image.Path.Key);
        var matched = new MatchedImage(image, stem);
        _inOrder.Enqueue(matched);
        if (_annotationsByStem.TryGetValue(stem, out var annotation))
        {
            matched.Annotation = annotation;
            return;
        }

        if (!_waitingByStem.TryGetValue(stem, out var waiting))
        {
            _waitingByStem[stem] = waiting = [];
        }

        waiting.Add(matched);
    }

    private List<MatchedImage> Release(string latestKey)
    {
        _released.Clear();
        while (_inOrder.TryPeek(out var head) && (head.Annotation is not null || IsPast(latestKey, head.Stem + AnnotationExtension)))
        {
            _inOrder.Dequeue();
            if (head.Annotation is null && _waitingByStem.TryGetValue(head.Stem, out var waiting))
            {
                waiting.Remove(head);
                if (waiting.Count == 0)
                {
                    _waitingByStem.Remove(head.Stem);
                }
            }

            _released.Add(head);
        }

        return _released;
    }

    // Stems arrive nearly in order; one that lingers behind another is forgotten a little late, never early.
    private void ForgetAnnotationsPassedBy(string latestKey)
    {
        while (_annotationStems.TryPeek(out var stem) && IsPast(latestKey, stem + PastEveryExtension))
        {
            _annotationStems.Dequeue();
            _annotationsByStem.Remove(stem);
        }
    }

    // Upper-case ".XML" sorts before lower-case ".xml", so "stem.xml" is the last key an annotation can have.
    private static bool IsPast(string latestKey, string key) => DepthFirstKeyComparer.Instance.Compare(latestKey, key) > 0;
}
