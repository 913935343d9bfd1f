#include "core/media/image.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>
#include <vips/vips8>

#include <chrono>

#include "core/error/app_error.hpp"

namespace tongxin::media {
namespace {

std::string Reason(std::string_view upload) {
    try {
        Prepare(upload);
    } catch (const AppError& e) {
        return std::string(e.details().at("fields").as_object().at("image").as_string());
    }
    return "accepted";
}

// A grey test picture of w × h encoded by `suffix` (".jpg", ".png"), with metadata `fields` set.
std::string Make(int w, int h, const char* suffix, const std::vector<std::pair<const char*, const char*>>& fields = {},
                 int bands = 3) {
    Reason("");  // starts libvips, so that VImage may be used here
    vips::VImage img =
        (vips::VImage::black(w, h, vips::VImage::option()->set("bands", bands)) + 120).cast(VIPS_FORMAT_UCHAR);
    img = img.copy();
    for (const auto& [name, value] : fields) {
        if (std::string_view(name) == "orientation")
            img.set(name, std::stoi(value));
        else
            img.set(name, value);
    }
    void* buf = nullptr;
    size_t len = 0;
    img.write_to_buffer(suffix, &buf, &len);
    std::string out(static_cast<const char*>(buf), len);
    g_free(buf);
    return out;
}

// The names of the metadata fields libvips finds in a JPEG.
std::vector<std::string> Fields(const std::string& jpeg) {
    vips::VImage img = vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), "");
    std::vector<std::string> out;
    char** names = vips_image_get_fields(img.get_image());
    for (char** n = names; *n; ++n) out.emplace_back(*n);
    g_strfreev(names);
    return out;
}

void Chunk(std::string& png, const char* type, const std::string& data) {
    const uint32_t n = static_cast<uint32_t>(data.size());
    for (int s : {24, 16, 8, 0}) png += static_cast<char>((n >> s) & 0xff);
    std::string body = std::string(type, 4) + data;
    png += body;
    const uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    for (int s : {24, 16, 8, 0}) png += static_cast<char>((crc >> s) & 0xff);
}

// A PNG whose header claims w × h; its data is a few rows of zeros (the file is small, the
// picture it claims is not).
std::string ClaimingPng(uint32_t w, uint32_t h) {
    std::string png("\x89PNG\r\n\x1a\n", 8), ihdr;
    for (uint32_t v : {w, h})
        for (int s : {24, 16, 8, 0}) ihdr += static_cast<char>((v >> s) & 0xff);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, no interlace
    Chunk(png, "IHDR", ihdr);
    std::string rows(static_cast<size_t>(w) * 3 + 1, '\0');
    uLongf size = compressBound(static_cast<uLong>(rows.size()));
    std::string idat(size, '\0');
    compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(rows.data()),
             static_cast<uLong>(rows.size()));
    idat.resize(size);
    Chunk(png, "IDAT", idat);
    Chunk(png, "IEND", "");
    return png;
}

long MaxRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

TEST(Image, KeepsAJpegWithoutItsGpsLocationOrAnyOtherMetadata) {
    EXPECT_EQ(Reason(""), "not_an_image");
    const std::string upload = Make(800, 600, ".jpg",
                                    {{"exif-ifd0-Make", "TestCam"},
                                     {"exif-ifd3-GPSLatitudeRef", "N"},
                                     {"exif-ifd3-GPSLatitude", "30/1 31/1 12/1"},
                                     {"exif-ifd3-GPSLongitudeRef", "E"},
                                     {"exif-ifd3-GPSLongitude", "104/1 4/1 5/1"}});
    // The upload does carry a location, so the check below can fail.
    const auto before = Fields(upload);
    ASSERT_NE(std::find(before.begin(), before.end(), "exif-ifd3-GPSLatitude"), before.end());

    const Picture p = Prepare(upload);
    EXPECT_EQ(p.source_type, "jpeg");
    EXPECT_EQ(p.width, 800);
    EXPECT_EQ(p.height, 600);
    EXPECT_EQ(p.sha256.size(), 64u);
    for (const std::string* kept : {&p.jpeg, &p.thumb}) {
        for (const std::string& f : Fields(*kept)) {
            EXPECT_FALSE(f.starts_with("exif-")) << f;
            EXPECT_NE(f, "xmp-data");
        }
        EXPECT_EQ(kept->find("Exif"), std::string::npos);
        EXPECT_EQ(kept->find("TestCam"), std::string::npos);
    }
    vips::VImage thumb = vips::VImage::new_from_buffer(p.thumb.data(), p.thumb.size(), "");
    EXPECT_EQ(thumb.width(), 320);
    EXPECT_EQ(thumb.height(), 240);
}

TEST(Image, TurnsAPhotoUprightByItsOrientationBeforeStrippingIt) {
    const Picture p = Prepare(Make(640, 480, ".jpg", {{"orientation", "6"}}));
    EXPECT_EQ(p.width, 480);
    EXPECT_EQ(p.height, 640);
}

TEST(Image, ShrinksLargePhotosAndReencodesPngsAsJpegOnWhite) {
    const Picture big = Prepare(Make(4000, 1000, ".jpg"));
    EXPECT_EQ(big.width, 2048);
    EXPECT_EQ(big.height, 512);
    const Picture png = Prepare(Make(300, 200, ".png", {}, 4));
    EXPECT_EQ(png.source_type, "png");
    EXPECT_EQ(png.jpeg.substr(0, 3), std::string("\xff\xd8\xff", 3));
    EXPECT_EQ(png.width, 300);  // never enlarged
}

TEST(Image, RefusesWhatIsNotAnAcceptedPicture) {
    EXPECT_EQ(Reason("name,phone\n张三,13800000000\n"), "not_an_image");
    EXPECT_EQ(Reason("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"), "not_an_image");
    EXPECT_EQ(Reason(std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 13)), "not_an_image");
    EXPECT_EQ(Reason(std::string("\xff\xd8\xff\xe0", 4)), "image_damaged");
}

TEST(Image, RefusesATruncatedPhoto) {
    const std::string jpeg = Make(640, 480, ".jpg");
    const std::string png = Make(640, 480, ".png");
    EXPECT_EQ(Reason(jpeg.substr(0, jpeg.size() / 2)), "image_damaged");
    EXPECT_EQ(Reason(png.substr(0, png.size() / 2)), "image_damaged");
}

TEST(Image, RefusesADecompressionBombFromItsHeaderWithoutDecodingIt) {
    const std::string bomb = ClaimingPng(20000, 20000);  // 400 megapixels, 1.2 GB decoded
    ASSERT_LT(bomb.size(), 100u * 1024);
    const long before = MaxRssKb();
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(Reason(bomb), "image_too_many_pixels");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_LT(MaxRssKb() - before, 64 * 1024) << "kB of peak memory grew";
    EXPECT_EQ(Reason(ClaimingPng(12001, 100)), "image_too_many_pixels");
}

}  // namespace
}  // namespace tongxin::media
