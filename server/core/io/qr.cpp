#include "core/io/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace tongxin::io {

std::string QrSvg(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       &QRcode_free);
    if (!qr) throw std::runtime_error("QR encoding failed");
    const int quiet = 4, w = qr->width, size = w + 2 * quiet;
    std::string path;
    for (int y = 0; y < w; ++y) {
        for (int x = 0; x < w; ++x) {
            if (qr->data[y * w + x] & 1) {
                path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
            }
        }
    }
    std::string n = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n +
           "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace tongxin::io
