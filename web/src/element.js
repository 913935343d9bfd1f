// Element Plus components used by the workbench, registered one by one so the bundle carries
// only these.
import {
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElImage,
  ElHeader, ElIcon, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElPopconfirm, ElRadio, ElRadioButton, ElRadioGroup, ElRow, ElSelect, ElStatistic, ElStep, ElSteps, ElSwitch, ElTable,
  ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTimeSelect, ElTooltip, ElTree, ElUpload,
} from 'element-plus';
import 'element-plus/dist/index.css';

const components = [
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElImage,
  ElHeader, ElIcon, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElPopconfirm, ElRadio, ElRadioButton, ElRadioGroup, ElRow, ElSelect, ElStatistic, ElStep, ElSteps, ElSwitch, ElTable,
  ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTimeSelect, ElTooltip, ElTree, ElUpload,
];

export function installElement(app) {
  for (const c of components) app.use(c);
}
