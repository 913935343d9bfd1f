#pragma once
// Photos people upload (of a museum exhibit, a self-organised activity, an event) are decoded by
// libvips, never trusted: the type comes from the content (JPEG, PNG or WebP only), the size in
// pixels is checked from the header before anything is decoded (a 20000×20000 "decompression
// bomb" is refused at once), a truncated or damaged file is refused, and what is kept is
// re-encoded as JPEG with every piece of metadata stripped — EXIF and its GPS location, XMP,
// camera serials — turned upright first, plus a thumbnail.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tongxin::media {

struct ImageLimits {
    int max_side = 12000;             // pixels along either side of the upload
    int64_t max_pixels = 60'000'000;  // width × height of the upload
    int stored_side = 2048;           // the kept image fits in this square
    int thumb_side = 320;             // the thumbnail fits in this square
};

struct Picture {
    std::string jpeg;   // the kept image
    std::string thumb;  // its thumbnail (JPEG)
    int width = 0, height = 0;
    std::string source_type;  // what the upload was: "jpeg", "png" or "webp"
    std::string sha256;       // of `jpeg`, hex
};

// The picture to keep from an upload. Throws AppError 422 on the field `image`: not_an_image
// (empty, not a picture, or a kind not accepted), image_too_many_pixels, image_damaged.
// Uploads are prepared one at a time, so a burst of large photos cannot exhaust memory.
Picture Prepare(std::string_view upload, const ImageLimits& limits = {});

// A generated picture, as PNG: `text` (lines apart by \n) in white, centred on a plain colour,
// in the packaged Noto CJK font. The demo's records get their photos this way.
std::string Card(int width, int height, const std::array<double, 3>& colour, const std::string& text);

}  // namespace tongxin::media
