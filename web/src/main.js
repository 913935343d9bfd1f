import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router.js';
import { i18n } from './i18n.js';
import { installElement } from './element.js';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
installElement(app);
app.mount('#app');
