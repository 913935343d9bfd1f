#include "core/media/image.hpp"

#include <vips/vips8>

#include <algorithm>
#include <mutex>
#include <vector>

#include "core/crypto/vault.hpp"
#include "core/error/app_error.hpp"

namespace tongxin::media {

namespace {

// libvips logs warnings (a damaged tile, a short read) on stderr; they are the library's and the
// refusal says what went wrong, so they are dropped here.
void Quiet(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void Init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("tongxin")) throw std::runtime_error("libvips could not start");
        vips_block_untrusted_set(TRUE);  // loaders libvips marks as unsafe for untrusted input
        vips_cache_set_max(0);           // nothing kept between uploads
        g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE), Quiet,
                          nullptr);
    });
}

std::string SourceType(std::string_view upload) {
    const char* loader = vips_foreign_find_load_buffer(upload.data(), upload.size());
    if (!loader) return "";
    const std::string_view name(loader);
    if (name == "VipsForeignLoadJpegBuffer") return "jpeg";
    if (name == "VipsForeignLoadPngBuffer") return "png";
    if (name == "VipsForeignLoadWebpBuffer") return "webp";
    return "";  // GIF, SVG, PDF, TIFF, HEIF…: not accepted
}

// The upload shrunk to fit `side` × `side` (never enlarged), upright, flattened on white, as a
// JPEG without metadata.
std::string Encode(std::string_view upload, int side, int quality) {
    VipsBlob* blob = vips_blob_new(nullptr, upload.data(), upload.size());
    vips::VImage image;
    try {
        image = vips::VImage::thumbnail_buffer(blob, side,
                                               vips::VImage::option()
                                                   ->set("height", side)
                                                   ->set("size", VIPS_SIZE_DOWN)
                                                   ->set("option_string", "fail_on=truncated"));
    } catch (...) {
        vips_area_unref(VIPS_AREA(blob));
        throw;
    }
    vips_area_unref(VIPS_AREA(blob));
    if (image.has_alpha()) image = image.flatten(vips::VImage::option()->set("background", std::vector<double>{255}));
    if (image.interpretation() != VIPS_INTERPRETATION_sRGB && image.interpretation() != VIPS_INTERPRETATION_B_W)
        image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    void* out = nullptr;
    size_t size = 0;
    image.write_to_buffer(".jpg", &out, &size,
                          vips::VImage::option()->set("Q", quality)->set("strip", true)->set("optimize_coding", true));
    std::string jpeg(static_cast<const char*>(out), size);
    g_free(out);
    return jpeg;
}

AppError Refused(const char* reason) { return AppError::Field("image", reason); }

}  // namespace

Picture Prepare(std::string_view upload, const ImageLimits& limits) {
    Init();
    Picture p;
    p.source_type = upload.empty() ? "" : SourceType(upload);
    if (p.source_type.empty()) throw Refused("not_an_image");

    static std::mutex one_at_a_time;
    std::lock_guard lock(one_at_a_time);
    try {
        // The header alone: nothing is decoded until the size is known to be sane.
        vips::VImage header = vips::VImage::new_from_buffer(
            upload.data(), upload.size(), "", vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
        const int64_t w = header.width(), h = header.height();
        if (w <= 0 || h <= 0 || w > limits.max_side || h > limits.max_side || w * h > limits.max_pixels)
            throw Refused("image_too_many_pixels");
        p.jpeg = Encode(upload, limits.stored_side, 85);
        p.thumb = Encode(upload, limits.thumb_side, 80);
        vips::VImage kept = vips::VImage::new_from_buffer(p.jpeg.data(), p.jpeg.size(), "");
        p.width = kept.width();
        p.height = kept.height();
    } catch (const vips::VError&) {
        vips_error_clear();
        throw Refused("image_damaged");
    }
    p.sha256 = crypto::Sha256Hex(p.jpeg);
    return p;
}

std::string Card(int width, int height, const std::array<double, 3>& colour, const std::string& text) {
    Init();
    const std::string font = "Noto Sans CJK SC " + std::to_string(std::max(12, height / 14));
    vips::VImage mask = vips::VImage::text(text.c_str(), vips::VImage::option()
                                                             ->set("font", font.c_str())
                                                             ->set("width", width * 9 / 10)
                                                             ->set("align", VIPS_ALIGN_CENTRE));
    vips::VImage ground = vips::VImage::black(width, height, vips::VImage::option()->set("bands", 3))
                              .new_from_image(std::vector<double>(colour.begin(), colour.end()))
                              .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    vips::VImage ink = mask.new_from_image(std::vector<double>{255, 255, 255})
                           .bandjoin(mask)
                           .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    vips::VImage card = ground.composite2(
        ink, VIPS_BLEND_MODE_OVER,
        vips::VImage::option()->set("x", (width - mask.width()) / 2)->set("y", (height - mask.height()) / 2));
    void* out = nullptr;
    size_t size = 0;
    card.write_to_buffer(".png", &out, &size);
    std::string png(static_cast<const char*>(out), size);
    g_free(out);
    return png;
}

}  // namespace tongxin::media
