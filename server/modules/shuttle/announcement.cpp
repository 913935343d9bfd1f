// The booking announcement of a trip: where and when the bus stops, how to book, and that
// neighbours without a smartphone book through their group leader or building head.
#include "modules/shuttle/model.hpp"

namespace tongxin::shuttle {

Announcement BookingAnnouncement(const Trip& trip, const std::string& path, const std::string& link) {
    Announcement a;
    a.trip_id = trip.id;
    a.community_id = trip.community_id;
    a.path = path;
    a.link = link;
    a.title = trip.trip_date + " " + trip.service;
    std::string stops;
    for (const Stop& s : trip.stops) stops += s.time + " " + s.name + "\n";
    a.text = "【" + trip.service + "】" + trip.trip_date + " 免费接驳车开往" + trip.destination + "（" + trip.op +
             "，" + std::to_string(trip.seats) + " 座）。\n上车站点和时间：\n" + stops +
             (trip.declaration.empty() ? "" : "预约时请确认：" + trip.declaration + "\n") + "请在手机上预约：" + link +
             "\n没有智能手机的邻居，请联系本小组组长或楼栋长代为预约。名额有限，约满后自动候补。";
    return a;
}

}  // namespace tongxin::shuttle
